using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Lifecycle;
using Xunit;
using static Workflow.Complaints.Tests.Lifecycle.China;

namespace Workflow.Complaints.Tests.Lifecycle;

public class ResponseTemplatesTests
{
    private static readonly ResponseTemplates Templates = ComplaintRules.Get<ResponseTemplates>();
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Render_AcknowledgeChinese_FillsCaseNumberAndLocalDeadline()
    {
        var text = Templates.Render(ResponseSituation.Acknowledge, "zh-CN",
            new TemplateValues("C-20261122-000123", Deadline: At(2026, 11, 23, 10).ToUniversalTime(), TimeZone: Beijing));

        Assert.Equal("您好，您的反馈已受理，编号C-20261122-000123。我们将在2026-11-23 10:00前给您答复，请保持电话畅通。", text);
    }

    [Fact]
    public void Render_TransferEnglish_FillsDepartment()
    {
        var text = Templates.Render(ResponseSituation.TransferToDepartment, "en",
            new TemplateValues("C-20261122-000123", "billing", At(2026, 11, 23, 10), TimeZone: Beijing));

        Assert.Equal("Your case C-20261122-000123 has been passed to billing, who will reply by 2026-11-23 10:00.", text);
    }

    [Fact]
    public void Render_UnknownLanguage_FallsBackToChinese()
    {
        var text = Templates.Render(ResponseSituation.Resolution, "fr", new TemplateValues("C-1", Remedy: "已退款"));

        Assert.StartsWith("您的问题（编号C-1）已处理：已退款", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_EditedTextWithUnknownBraces_LeavesThemAsWritten()
    {
        Assert.Equal("C-1 {note} done", Templates.Fill("{caseNumber} {note} done", new TemplateValues("C-1")));
    }

    [Fact]
    public void Render_MissingValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => Templates.Render(ResponseSituation.Resolution, "en", new TemplateValues("C-1")));
    }

    [Fact]
    public void Render_EverySituation_HasBothLanguages()
    {
        var values = new TemplateValues("C-1", "billing", At(2026, 11, 23, 10), "a refund", Beijing);
        foreach (var situation in Enum.GetValues<ResponseSituation>())
        {
            foreach (var language in new[] { "zh-CN", "en" })
            {
                var text = Templates.Render(situation, language, values);
                Assert.Contains("C-1", text, StringComparison.Ordinal);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Options_UnknownPlaceholder_RefusedAtStart()
    {
        using var provider = ComplaintRules.Build(new Dictionary<string, string?>
        {
            ["ResponseTemplates:Templates:Delay:en"] = "Sorry {customerName}",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ResponseTemplateOptions>>().Value);
        Assert.Contains("customerName", error.Message, StringComparison.Ordinal);
    }
}
