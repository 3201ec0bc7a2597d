using Microsoft.Extensions.Configuration;

namespace Workflow.Complaints.Sms;

/// <summary>One step's text in each language; placeholders <c>{caseNumber}</c> <c>{department}</c> <c>{deadline}</c> <c>{remedy}</c> <c>{backAt}</c>, and <c>[[...]]</c> around text that is left out when a placeholder inside it has no value.</summary>
public sealed class SmsTemplate
{
    /// <summary>Creates an empty template (for configuration binding).</summary>
    public SmsTemplate()
    {
    }

    /// <summary>Creates a template with both texts.</summary>
    public SmsTemplate(string chinese, string english)
    {
        Chinese = chinese;
        English = english;
    }

    /// <summary>Simplified Chinese text (configuration key <c>zh-CN</c>).</summary>
    [ConfigurationKeyName(SmsLanguages.Chinese)]
    public string Chinese { get; set; } = string.Empty;

    /// <summary>English text (configuration key <c>en</c>).</summary>
    [ConfigurationKeyName(SmsLanguages.English)]
    public string English { get; set; } = string.Empty;

    /// <summary>The text for <paramref name="language"/> (a <see cref="SmsLanguages"/> value).</summary>
    public string For(string language) => language == SmsLanguages.English ? English : Chinese;
}
