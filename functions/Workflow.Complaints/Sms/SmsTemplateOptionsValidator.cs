using System.Globalization;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Refuses at start-up a template that is missing, uses an unknown placeholder, or takes more than
/// <see cref="SmsTemplateOptions.MaxSegments"/> SMS segments when rendered with typical values.
/// </summary>
internal sealed class SmsTemplateOptionsValidator : IValidateOptions<SmsTemplateOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsTemplateOptions templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var maxSegments = templates.MaxSegments;
        var failures = new List<string>();
        if (maxSegments < 1)
        {
            failures.Add("Sms:Templates:MaxSegments must be at least 1.");
        }

        foreach (var step in SmsSteps.All)
        {
            var template = templates.For(step);
            foreach (var language in SmsLanguages.All)
            {
                var text = template?.For(language);
                var key = $"Sms:Templates:{step}:{language}";
                if (string.IsNullOrWhiteSpace(text))
                {
                    failures.Add($"{key} is empty.");
                    continue;
                }

                var unknown = SmsTemplateRenderer.PlaceholdersIn(text).Except(SmsTemplateRenderer.KnownPlaceholders, StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    failures.Add($"{key} uses unknown placeholders: {string.Join(", ", unknown)}.");
                    continue;
                }

                var count = SmsSegmentCounter.Count(SmsTemplateRenderer.RenderText(text, SmsTemplateValues.Typical(language)));
                if (count.Segments > maxSegments)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{key} takes {count.Segments} SMS segments ({count.Encoding}, {count.Units} units) with typical values; at most {maxSegments} allowed."));
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
