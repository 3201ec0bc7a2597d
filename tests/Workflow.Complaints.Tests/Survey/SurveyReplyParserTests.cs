using Workflow.Complaints.Survey;
using Xunit;

namespace Workflow.Complaints.Tests.Survey;

public class SurveyReplyParserTests
{
    // Expected 0 means "must not parse".
    [Theory]
    [InlineData("5", 5)]
    [InlineData(" 1 ", 1)]
    [InlineData("５", 5)]
    [InlineData("３分", 3)]
    [InlineData("满意", 5)]
    [InlineData("基本满意", 3)]
    [InlineData("不满意", 1)]
    [InlineData("非常满意！", 5)]
    [InlineData("非常不满意，等了一个星期", 1)]
    [InlineData("很差", 1)]
    [InlineData("服务很差，不满意", 1)]
    [InlineData("还行吧，基本满意。", 3)]
    [InlineData("给5分，谢谢你们", 5)]
    [InlineData("4分吧，处理有点慢", 4)]
    [InlineData("五星好评", 5)]
    [InlineData("打三分", 3)]
    [InlineData("满意满意", 5)]
    [InlineData("很满意，5分", 5)]
    [InlineData("★★★★", 4)]
    [InlineData("★★★★★ thanks!", 5)]
    [InlineData("Very satisfied", 5)]
    [InlineData("satisfied", 5)]
    [InlineData("Unsatisfied.", 1)]
    [InlineData("I am dissatisfied with the outcome", 1)]
    [InlineData("I'd give 4, thanks", 4)]
    [InlineData("4/5", 4)]
    [InlineData("3 out of 5", 3)]
    [InlineData("Score: 2. Took too long.", 2)]
    [InlineData("five stars", 5)]
    [InlineData("5 - very satisfied", 5)]
    [InlineData("Case C-20261122-000123: 4", 4)]
    [InlineData("10", 0)]
    [InlineData("0", 0)]
    [InlineData("6", 0)]
    [InlineData("3 or 4", 0)]
    [InlineData("一开始想给2分后来想给4分", 0)]
    [InlineData("谢谢", 0)]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("什么时候退款？", 0)]
    [InlineData("When will I get my refund?", 0)]
    [InlineData("1分 非常满意", 0)]
    [InlineData("满意 不满意", 0)]
    [InlineData("100分", 0)]
    [InlineData("★★★★★★★", 0)]
    [InlineData("call me at 13812345678", 0)]
    public void Parse_RealWorldReply_GivesExpectedScore(string reply, int expected)
    {
        var score = SurveyReplyParser.Parse(reply);

        Assert.Equal(expected == 0 ? null : new SurveyScore(expected), score);
    }

    [Fact]
    public void Parse_Null_GivesNoScore()
    {
        Assert.Null(SurveyReplyParser.Parse(null));
    }
}
