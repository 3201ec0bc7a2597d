using Microsoft.Extensions.Options;
using Workflow.Complaints.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

public sealed class IntakeValidatorTests
{
    private readonly IntakeValidator _validator = new(Options.Create(new IntakeOptions()));

    private static ComplaintSubmission Valid => new()
    {
        CustomerName = "  张三 ",
        Phone = "138 1234 5678",
        Type = "complaint",
        Description = "The parcel arrived broken.\r\nNobody answers.",
    };

    [Fact]
    public void Validate_MinimalSubmission_NormalisedWithDefaults()
    {
        var result = _validator.Validate(Valid);

        Assert.True(result.IsValid);
        Assert.Equal("张三", result.Submission!.CustomerName);
        Assert.Equal("+8613812345678", result.Submission.Phone);
        Assert.Equal("zh-CN", result.Submission.Language);
        Assert.Equal("The parcel arrived broken.\nNobody answers.", result.Submission.Description);
    }

    [Fact]
    public void Validate_NameOfFiftyChineseCharacters_Accepted() =>
        Assert.True(_validator.Validate(Valid with { CustomerName = new string('名', 50) }).IsValid);

    [Fact]
    public void Validate_ConfiguredLimits_Applied()
    {
        var strict = new IntakeValidator(Options.Create(new IntakeOptions { DescriptionMaxLength = 20, MaxEvidence = 1 }));

        var result = strict.Validate(Valid with { Evidence = ["a", "b"] });

        Assert.Equal(["description", "evidence"], result.Errors.Keys.Order());
    }

    [Fact]
    public void Validate_NationalNumberOfOtherDefaultRegion_NormalisedToThatRegion()
    {
        var british = new IntakeValidator(Options.Create(new IntakeOptions { DefaultPhoneRegion = "GB" }));

        var result = british.Validate(Valid with { Phone = "07911 123456" });

        Assert.Equal("+447911123456", result.Submission?.Phone);
    }

    [Fact]
    public void Validate_AmountWithoutCurrency_Accepted() =>
        Assert.True(_validator.Validate(Valid with { Request = new CustomerRequest("compensation", 100m, null) }).IsValid);

    [Fact]
    public void Validate_Null_BodyError() =>
        Assert.True(_validator.Validate(null).Errors.ContainsKey("$"));
}
