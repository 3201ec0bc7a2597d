using Microsoft.Extensions.Options;
using Workflow.Complaints.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+8613812345678", "*******5678")]
    [InlineData("13812345678", "*******5678")]
    [InlineData("+44 7700 900123", "*******0123")]
    [InlineData("123", "*******")]
    [InlineData("", "*******")]
    [InlineData(null, "*******")]
    public void Mask_Number_ShowsLastFourDigitsOnly(string? phone, string expected) =>
        Assert.Equal(expected, PhoneNumberMask.Mask(phone));

    [Theory]
    [InlineData("13812345678", "+8613812345678")]
    [InlineData("+8613812345678", "+8613812345678")]
    [InlineData("138 1234 5678", "+8613812345678")]
    [InlineData("+44 7911 123456", "+447911123456")]
    public void TryNormalize_MobileNumber_E164(string input, string expected)
    {
        Assert.True(MobilePhoneNumber.TryNormalize(input, "CN", out var e164, out _));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("+861062345678")]
    [InlineData("12345")]
    [InlineData("not a number")]
    public void TryNormalize_LandlineOrInvalid_Refused(string input) =>
        Assert.False(MobilePhoneNumber.TryNormalize(input, "CN", out _, out _));

    [Fact]
    public void Compute_SameNumberDifferentKeys_DifferentHashes()
    {
        var a = new PhoneNumberHash(Options.Create(new IntakeOptions { PhoneHashKey = "first-key-0123456789" }));
        var b = new PhoneNumberHash(Options.Create(new IntakeOptions { PhoneHashKey = "other-key-0123456789" }));

        Assert.Equal(a.Compute("+8613812345678"), a.Compute("+8613812345678"));
        Assert.NotEqual(a.Compute("+8613812345678"), b.Compute("+8613812345678"));
        Assert.DoesNotContain("13812345678", a.Compute("+8613812345678"), StringComparison.Ordinal);
    }
}
