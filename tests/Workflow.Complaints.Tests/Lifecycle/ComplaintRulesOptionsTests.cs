using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Triage;
using Xunit;

namespace Workflow.Complaints.Tests.Lifecycle;

public class ComplaintRulesOptionsTests
{
    [Fact]
    public void AddComplaintRules_Defaults_AreValidAndFollowSpec()
    {
        using var provider = ComplaintRules.Build();

        var levels = provider.GetRequiredService<IOptions<ServiceLevelOptions>>().Value;
        var triage = provider.GetRequiredService<IOptions<TriageOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<BusinessCalendarOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<ResponseTemplateOptions>>().Value;

        Assert.Equal(0.75, levels.WarnAtFraction);
        Assert.Equal(200m, levels.AgentCompensationAuthority);
        Assert.Equal(5000m, triage.HighCompensationAmount);
        Assert.Equal(TimeSpan.FromDays(30), triage.RepeatWindow);
        Assert.Contains("律师", triage.Keywords.LegalRisk);
    }

    [Theory]
    [InlineData("ServiceLevels:WarnAtFraction", "1.5", "WarnAtFraction")]
    [InlineData("ServiceLevels:Clocks:Forward:WorkingDays", "1", "Forward")]
    [InlineData("Triage:Routing:0:Type", "complain", "complain")]
    [InlineData("ServiceLevels:Clocks:Approval:ByType:Complaint:Basis", "WorkingTime", "ByType:Complaint")]
    [InlineData("Triage:DefaultDepartment", " ", "DefaultDepartment")]
    [InlineData("BusinessCalendars:Regions:CN:TimeZone", "Mars/Olympus", "Mars/Olympus")]
    [InlineData("BusinessCalendars:DefaultRegion", "XX", "XX")]
    public void AddComplaintRules_BadValue_RefusedWithItsName(string key, string value, string named)
    {
        using var provider = ComplaintRules.Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<ServiceLevelOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<TriageOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<BusinessCalendarOptions>>().Value;
        });
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
