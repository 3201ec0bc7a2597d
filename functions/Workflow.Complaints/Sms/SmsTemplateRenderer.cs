using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>Renders the configured template of a step in the case's language.</summary>
public sealed partial class SmsTemplateRenderer(IOptions<SmsTemplateOptions> templates, IOptions<SmsOptions> options)
{
    /// <summary>The placeholders a template may use.</summary>
    public static IReadOnlyList<string> KnownPlaceholders { get; } = ["caseNumber", "department", "deadline", "remedy", "backAt"];

    /// <summary>The text of <paramref name="step"/> in <paramref name="language"/> (or the default language) with <paramref name="values"/> in place.</summary>
    public string Render(string step, string? language, SmsTemplateValues values)
    {
        ArgumentException.ThrowIfNullOrEmpty(step);
        var template = templates.Value.For(step) ?? throw new ArgumentOutOfRangeException(nameof(step), step, "No SMS template for this step.");
        var chosen = SmsLanguages.Match(language) ?? SmsLanguages.Match(options.Value.DefaultLanguage) ?? SmsLanguages.Chinese;
        return RenderText(template.For(chosen), values);
    }

    /// <summary>Fills <paramref name="template"/>: optional <c>[[...]]</c> parts first, then placeholders.</summary>
    public static string RenderText(string template, SmsTemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var withSections = Section().Replace(template, m =>
            Placeholder().Matches(m.Groups[1].Value).All(p => !string.IsNullOrEmpty(ValueOf(p.Groups[1].Value, values)))
                ? m.Groups[1].Value
                : string.Empty);
        return Placeholder().Replace(withSections, m => ValueOf(m.Groups[1].Value, values) ?? m.Value);
    }

    /// <summary>The placeholder names used in <paramref name="template"/>.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);
    }

    private static string? ValueOf(string name, SmsTemplateValues values) => name switch
    {
        "caseNumber" => values.CaseNumber,
        "department" => values.Department ?? string.Empty,
        "deadline" => values.Deadline ?? string.Empty,
        "remedy" => values.Remedy ?? string.Empty,
        "backAt" => values.BackAt ?? string.Empty,
        _ => null,
    };

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[\[(.*?)\]\]", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Section();
}
