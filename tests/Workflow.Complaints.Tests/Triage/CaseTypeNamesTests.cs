using System.Text.Json;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Triage;
using Xunit;

namespace Workflow.Complaints.Tests.Triage;

public class CaseTypeNamesTests
{
    [Theory]
    [InlineData(CaseType.Inquiry, "inquiry")]
    [InlineData(CaseType.Complaint, "complaint")]
    [InlineData(CaseType.ServiceRequest, "service-request")]
    [InlineData(CaseType.Suggestion, "suggestion")]
    public void ToName_MatchesJsonAndParsesBack(CaseType type, string name)
    {
        Assert.Equal(name, type.ToName());
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(type));
        Assert.Equal(type, JsonSerializer.Deserialize<CaseType>($"\"{name}\""));
        Assert.True(CaseTypeNames.TryParse(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(type, parsed);
    }

    [Fact]
    public void TryParse_UnknownName_False()
    {
        Assert.False(CaseTypeNames.TryParse("complain", out _));
        Assert.False(CaseTypeNames.TryParse(null, out _));
    }

    [Fact]
    public void WireNames_SeverityLevelStatus_AsInSpec()
    {
        Assert.Equal("\"critical\"", JsonSerializer.Serialize(Severity.Critical));
        Assert.Equal("\"level2\"", JsonSerializer.Serialize(EscalationLevel.Level2));
        Assert.Equal("\"awaiting-customer\"", JsonSerializer.Serialize(CaseStatus.AwaitingCustomer));
        Assert.Equal("awaiting-customer", CaseStatus.AwaitingCustomer.ToName());
        Assert.Equal("\"first-response\"", JsonSerializer.Serialize(ClockKind.FirstResponse));
    }
}
