using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public class SmsSegmentCounterTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    public void Count_GsmText_Uses160Then153(int length, int segments)
    {
        var count = SmsSegmentCounter.Count(new string('a', length));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, length, segments), count);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_ChineseText_Uses70Then67(int length, int segments)
    {
        var count = SmsSegmentCounter.Count(new string('好', length));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, length, segments), count);
    }

    [Fact]
    public void Count_ExtensionCharacters_CountTwoSeptets()
    {
        // 158 plain + one '€' (2) = 160 septets: still one SMS; one more '[' (2) makes two.
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 160, 1), SmsSegmentCounter.Count(new string('a', 158) + "€"));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 162, 2), SmsSegmentCounter.Count(new string('a', 158) + "€["));
    }

    [Fact]
    public void Count_GsmAccentsAndGreek_StayGsm7()
    {
        var count = SmsSegmentCounter.Count("Ça: 5€? Ünd ΔΩ ¿ñ? @£$¥ èéùìò");

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
    }

    [Fact]
    public void Count_OneNonGsmCharacter_SwitchesTheWholeTextToUcs2()
    {
        var count = SmsSegmentCounter.Count(new string('a', 100) + "’");

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 101, 2), count);
    }

    [Fact]
    public void Count_Emoji_SurrogatePairCountsTwo()
    {
        // 69 CJK characters + one emoji (two UTF-16 units) = 71 units: two segments.
        var count = SmsSegmentCounter.Count(new string('好', 69) + "😀");

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 71, 2), count);
    }
}
