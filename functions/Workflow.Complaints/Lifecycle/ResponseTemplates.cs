using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Renders the approved wording (SPEC section 4) for a situation in the case's language.</summary>
public sealed class ResponseTemplates(IOptions<ResponseTemplateOptions> options)
{
    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["caseNumber", "department", "deadline", "remedy"];

    private readonly ResponseTemplateOptions _options = options.Value;

    /// <summary>The raw wording for a situation, in <paramref name="language"/> or the default language.</summary>
    public string Wording(ResponseSituation situation, string? language)
    {
        if (!_options.Templates.TryGetValue(situation, out var byLanguage))
        {
            throw new InvalidOperationException($"ResponseTemplates has no wording for {situation}.");
        }

        // Configuration keys are case-insensitive, so language tags are too ("zh-cn" is "zh-CN").
        return Find(byLanguage, language) ?? Find(byLanguage, _options.DefaultLanguage)
            ?? throw new InvalidOperationException($"ResponseTemplates has no {_options.DefaultLanguage} wording for {situation}.");
    }

    private static string? Find(Dictionary<string, string> byLanguage, string? language)
    {
        foreach (var (tag, text) in byLanguage)
        {
            if (string.Equals(tag, language, StringComparison.OrdinalIgnoreCase))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The wording with its placeholders filled in.</summary>
    /// <exception cref="ArgumentException">The wording uses a placeholder that has no value.</exception>
    public string Render(ResponseSituation situation, string? language, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Fill(Wording(situation, language), values);
    }

    /// <summary>Fills placeholders in any text (for a template staff edited).</summary>
    public string Fill(string text, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (var (open, close, name) in Braces(text))
        {
            result.Append(text, at, open - at);
            result.Append(ValueOf(name, values) ?? text[open..(close + 1)]);
            at = close + 1;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Placeholders in <paramref name="text"/> that are not known, for validation.</summary>
    internal static IEnumerable<string> UnknownPlaceholders(string text) =>
        Braces(text).Select(b => b.Name).Where(name => !Placeholders.Contains(name));

    private static IEnumerable<(int Open, int Close, string Name)> Braces(string text)
    {
        var at = 0;
        while (true)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open);
            if (close < 0)
            {
                yield break;
            }

            yield return (open, close, text[(open + 1)..close]);
            at = close + 1;
        }
    }

    // Unknown braces are left as written; a known placeholder without a value is a caller error,
    // because an SMS with an empty deadline would promise nothing.
    private string? ValueOf(string name, TemplateValues values) => name switch
    {
        "caseNumber" => values.CaseNumber,
        "department" => values.Department ?? throw Missing(name),
        "remedy" => values.Remedy ?? throw Missing(name),
        "deadline" => values.Deadline is { } deadline
            ? TimeZoneInfo.ConvertTime(deadline, values.TimeZone ?? TimeZoneInfo.Utc)
                .ToString(_options.DeadlineFormat, CultureInfo.InvariantCulture)
            : throw Missing(name),
        _ => null,
    };

    private static ArgumentException Missing(string name) =>
        new($"The template uses {{{name}}} but no value was given.", name);
}
