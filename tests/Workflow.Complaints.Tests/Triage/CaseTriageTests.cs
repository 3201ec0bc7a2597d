using Workflow.Complaints.Triage;
using Xunit;

namespace Workflow.Complaints.Tests.Triage;

public class CaseTriageTests
{
    private static readonly CaseTriage Triage = ComplaintRules.Get<CaseTriage>();

    private static TriageInput Complaint(string description) => new(CaseType.Complaint, description);

    [Theory]
    [InlineData("家里突然停电了，已经三个小时", Severity.Critical, TriageRules.Outage)]
    [InlineData("宽带断网一整天，完全无法使用", Severity.Critical, TriageRules.Outage)]
    [InlineData("热水器漏电，有安全隐患", Severity.Critical, TriageRules.Safety)]
    [InlineData("情况紧急，请马上处理", Severity.Critical, TriageRules.Emergency)]
    [InlineData("There is an outage in my whole building since noon", Severity.Critical, TriageRules.Outage)]
    [InlineData("The heater gave my son an electric shock", Severity.Critical, TriageRules.Safety)]
    [InlineData("本月话费多扣了两百元，造成损失", Severity.Urgent, TriageRules.FinancialLoss)]
    [InlineData("I was overcharged on my last invoice", Severity.Urgent, TriageRules.FinancialLoss)]
    [InlineData("证明材料明天之前必须交，请尽快开具", Severity.Urgent, TriageRules.CustomerDeadline)]
    [InlineData("I need the certificate before my visa deadline", Severity.Urgent, TriageRules.CustomerDeadline)]
    [InlineData("想了解一下新套餐的资费标准", Severity.Normal, null)]
    [InlineData("The staff member was courteous but slow", Severity.Normal, null)]
    public void Assess_Description_GivesSeverityAndReason(string description, Severity expected, string? rule)
    {
        var result = Triage.Assess(Complaint(description));

        Assert.Equal(expected, result.Severity);
        if (rule is not null)
        {
            Assert.Contains(result.Reasons, r => r.Rule == rule);
        }
    }

    [Theory]
    [InlineData("我已经请了律师，准备起诉你们", TriageRules.LegalRisk, "律师")]
    [InlineData("再不解决我就去法院", TriageRules.LegalRisk, "法院")]
    [InlineData("我要打12315投诉", TriageRules.LegalRisk, "12315")]
    [InlineData("已经向消协反映了", TriageRules.LegalRisk, "消协")]
    [InlineData("我要投诉到工商局", TriageRules.LegalRisk, "投诉到")]
    [InlineData("我会联系媒体", TriageRules.PublicOpinion, "媒体")]
    [InlineData("不解决就在微博上曝光你们", TriageRules.PublicOpinion, "曝光")]
    [InlineData("My lawyers will be in touch", TriageRules.LegalRisk, "lawyer")]
    [InlineData("I will take this to court", TriageRules.LegalRisk, "court")]
    [InlineData("I am writing to the regulator today", TriageRules.LegalRisk, "regulator")]
    [InlineData("The consumer association will hear about this", TriageRules.LegalRisk, "consumer association")]
    [InlineData("I will post this on social media", TriageRules.PublicOpinion, "social media")]
    public void Assess_RiskKeyword_IsLevel2WithKeyword(string description, string rule, string keyword)
    {
        var result = Triage.Assess(Complaint(description));

        Assert.Equal(EscalationLevel.Level2, result.Level);
        Assert.Contains(new TriageReason(rule, keyword), result.Reasons);
        Assert.True(result.NotifyRiskAndPublicRelations);
        Assert.True(result.OutboundReviewRequired);
    }

    [Fact]
    public void Assess_CompensationAboveThreshold_IsLevel2AndUrgent()
    {
        var input = Complaint("快递丢件，要求赔偿货款") with { RequestKind = "compensation", RequestAmount = 8000m, RequestCurrency = "CNY" };

        var result = Triage.Assess(input);

        Assert.Equal(EscalationLevel.Level2, result.Level);
        Assert.Equal(Severity.Urgent, result.Severity);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.HighCompensation && r.Detail!.Contains("8000", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_CompensationAtThreshold_IsNotLevel2()
    {
        var input = Complaint("快递丢件，要求赔偿货款") with { RequestKind = "compensation", RequestAmount = 5000m };

        Assert.Equal(EscalationLevel.None, Triage.Assess(input).Level);
    }

    [Theory]
    [InlineData("真是气死我了，第三次了")]
    [InlineData("I am absolutely furious about this")]
    public void Assess_EmotionalKeyword_IsLevel1(string description)
    {
        var result = Triage.Assess(Complaint(description));

        Assert.Equal(EscalationLevel.Level1, result.Level);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.HighlyEmotional);
        Assert.Equal("senior-complaints", result.Department);
    }

    [Fact]
    public void Assess_ReportedEmotional_IsLevel1()
    {
        var result = Triage.Assess(Complaint("客户情绪激动，要求回电") with { ReportedHighlyEmotional = true });

        Assert.Equal(EscalationLevel.Level1, result.Level);
    }

    [Fact]
    public void Assess_RepeatOfOpenCase_IsLevel1AndUrgent()
    {
        var result = Triage.Assess(Complaint("上次反映的问题还没有解决") with { RecentCaseCount = 1 });

        Assert.Equal(EscalationLevel.Level1, result.Level);
        Assert.Equal(Severity.Urgent, result.Severity);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.RepeatCase);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.RepeatUnresolved);
    }

    [Fact]
    public void Assess_InquiryNamingStaff_IsNotStaffComplaint()
    {
        var result = Triage.Assess(new TriageInput(CaseType.Inquiry, "请问工号1024的营业员几点上班", AboutStaff: "1024"));

        Assert.False(result.AboutStaff);
        Assert.Equal("customer-service", result.Department);
    }

    [Fact]
    public void Assess_Level2AndLevel1Signals_IsLevel2()
    {
        var result = Triage.Assess(Complaint("气死了，我要找律师") with { RecentCaseCount = 2 });

        Assert.Equal(EscalationLevel.Level2, result.Level);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.RepeatCase);
        Assert.Contains(result.Reasons, r => r.Rule == TriageRules.LegalRisk);
    }

    [Fact]
    public void Assess_Critical_NotifiesDepartmentHeadAtOnce()
    {
        Assert.True(Triage.Assess(Complaint("小区停电，电梯困人，情况紧急")).NotifyDepartmentHeadAtOnce);
    }

    [Fact]
    public void Assess_ConfiguredKeyword_IsUsed()
    {
        var triage = ComplaintRules.Get<CaseTriage>(new Dictionary<string, string?> { ["Triage:Keywords:LegalRisk:0"] = "黑猫投诉" });

        Assert.Equal(EscalationLevel.Level2, triage.Assess(Complaint("我已经在黑猫投诉平台发帖")).Level);
    }
}
