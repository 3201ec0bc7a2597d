using Workflow.Complaints.Triage;
using Xunit;

namespace Workflow.Complaints.Tests.Triage;

public class KeywordMatcherTests
{
    [Theory]
    [InlineData("I will sue you", "sue", true)]
    [InlineData("Please pursue this", "sue", false)]
    [InlineData("They were courteous", "court", false)]
    [InlineData("See you in COURT.", "court", true)]
    [InlineData("My lawyers know", "lawyer", true)]
    [InlineData("我要去法院起诉", "法院", true)]
    [InlineData("打12315了", "12315", true)]
    public void Contains_WordBoundaries_ForLatinOnly(string text, string keyword, bool expected)
    {
        Assert.Equal(expected, KeywordMatcher.Contains(text, keyword));
    }
}
