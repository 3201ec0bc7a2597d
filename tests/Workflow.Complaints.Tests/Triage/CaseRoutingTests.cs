using Workflow.Complaints.Triage;
using Xunit;

namespace Workflow.Complaints.Tests.Triage;

public class CaseRoutingTests
{
    private static readonly CaseTriage Triage = ComplaintRules.Get<CaseTriage>();

    [Theory]
    [InlineData(CaseType.Complaint, "这个月话费账单不对", "billing")]
    [InlineData(CaseType.Complaint, "快递三天还没送到", "logistics")]
    [InlineData(CaseType.Complaint, "The app shows a login error every time", "technical")]
    [InlineData(CaseType.ServiceRequest, "空调需要上门维修", "after-sales")]
    [InlineData(CaseType.Complaint, "空调需要上门维修，师傅一直不来", "customer-service")]
    [InlineData(CaseType.Suggestion, "希望营业厅周末延长营业时间", "operations")]
    [InlineData(CaseType.Inquiry, "营业厅几点开门？", "customer-service")]
    public void Assess_RoutingTable_FirstMatchWinsElseDefault(CaseType type, string description, string department)
    {
        Assert.Equal(department, Triage.Assess(new TriageInput(type, description)).Department);
    }

    [Fact]
    public void Assess_FirstMatchingRuleWins_RecordsRule()
    {
        // Both billing (扣费) and technical (网络) match; billing comes first in the table.
        var result = Triage.Assess(new TriageInput(CaseType.Complaint, "网络不好还照常扣费"));

        Assert.Equal("billing", result.Department);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.RoutingRule && r.Detail!.Contains("扣费", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_ProductRule_MatchesProduct()
    {
        var triage = ComplaintRules.Get<CaseTriage>(new Dictionary<string, string?>
        {
            ["Triage:Routing:0:Product"] = "宽带",
            ["Triage:Routing:0:Keywords:0"] = "慢",
            ["Triage:Routing:0:Department"] = "broadband",
        });

        var result = triage.Assess(new TriageInput(CaseType.Complaint, "晚上网速特别慢", Product: "家庭宽带 500M"));

        Assert.Equal("broadband", result.Department);
    }

    [Fact]
    public void Assess_ComplaintAboutStaff_GoesToDutyTeam()
    {
        var result = Triage.Assess(new TriageInput(CaseType.Complaint, "营业员态度恶劣，还多扣了我的费用", AboutStaff: "工号 1024"));

        Assert.Equal("complaints-duty", result.Department);
        Assert.True(result.AboutStaff);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.RoutingStaff);
    }

    [Fact]
    public void Assess_Level1WithSeniorRoutingOff_KeepsTableDepartment()
    {
        var triage = ComplaintRules.Get<CaseTriage>(new Dictionary<string, string?> { ["Triage:RouteLevel1ToSeniorTeam"] = "false" });

        var result = triage.Assess(new TriageInput(CaseType.Complaint, "快递又丢了，气死了"));

        Assert.Equal(EscalationLevel.Level1, result.Level);
        Assert.Equal("logistics", result.Department);
    }

    [Fact]
    public void Assess_NoRuleMatches_DefaultQueueReason()
    {
        var result = Triage.Assess(new TriageInput(CaseType.Complaint, "其他问题想反映一下"));

        Assert.Contains(new TriageReason(TriageRules.RoutingDefault, "customer-service"), result.Reasons);
    }
}
