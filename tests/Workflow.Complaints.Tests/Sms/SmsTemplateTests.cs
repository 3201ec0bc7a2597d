using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public sealed class SmsTemplateTests(SmsStorageFixture storage)
{
    private readonly FakeTimeProvider _time = new();
    private readonly SmsTables _tables = storage.NewTables();

    public static TheoryData<string, string> StepsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var step in SmsSteps.All)
        {
            foreach (var language in SmsLanguages.All)
            {
                data.Add(step, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StepsAndLanguages))]
    public async Task Render_DefaultTemplateWithTypicalValues_FitsTwoSegments(string step, string language)
    {
        await using var services = SmsServices.Build(_tables, _time);
        var renderer = services.GetRequiredService<SmsTemplateRenderer>();

        var text = renderer.Render(step, language, SmsTemplateValues.Typical(language));

        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.InRange(SmsSegmentCounter.Count(text).Segments, 1, 2);
        Assert.Equal(language == SmsLanguages.English ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2, SmsSegmentCounter.Count(text).Encoding);
    }

    [Fact]
    public async Task Render_ConfiguredTemplate_ReplacesOnlyThatLanguage()
    {
        await using var services = SmsServices.Build(_tables, _time, new Dictionary<string, string?>
        {
            ["Sms:Templates:survey:en"] = "Rate case {caseNumber}: reply 1-5.",
        });
        var renderer = services.GetRequiredService<SmsTemplateRenderer>();

        var english = renderer.Render(SmsSteps.Survey, "en-GB", new SmsTemplateValues("C-20261123-000401"));
        var chinese = renderer.Render(SmsSteps.Survey, "zh", new SmsTemplateValues("C-20261123-000401"));

        Assert.Equal("Rate case C-20261123-000401: reply 1-5.", english);
        Assert.StartsWith("【满意度调查】", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderText_OptionalPartWithoutValue_IsLeftOut()
    {
        const string template = "Reply by {deadline}.[[ Back at {backAt}.]]";

        Assert.Equal("Reply by 18:00.", SmsTemplateRenderer.RenderText(template, new SmsTemplateValues("C", Deadline: "18:00")));
        Assert.Equal("Reply by 18:00. Back at 09:00.", SmsTemplateRenderer.RenderText(template, new SmsTemplateValues("C", Deadline: "18:00", BackAt: "09:00")));
    }

    [Fact]
    public async Task StartupValidation_TemplateOverTwoSegments_Refused()
    {
        await using var services = SmsServices.Build(_tables, _time, new Dictionary<string, string?>
        {
            ["Sms:Templates:progress:zh-CN"] = "案件{caseNumber}" + new string('长', 120),
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Sms:Templates:progress:zh-CN takes 3 SMS segments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupValidation_UnknownPlaceholder_Refused()
    {
        await using var services = SmsServices.Build(_tables, _time, new Dictionary<string, string?>
        {
            ["Sms:Templates:resolution:en"] = "Case {caseNo} resolved.",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("unknown placeholders: caseNo", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartupValidation_Defaults_Pass()
    {
        await using var services = SmsServices.Build(_tables, _time);

        services.GetRequiredService<IStartupValidator>().Validate();
    }
}
