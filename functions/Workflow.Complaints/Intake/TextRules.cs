using System.Text.RegularExpressions;

namespace Workflow.Complaints.Intake;

/// <summary>
/// Rules for free text. Control characters are refused (they corrupt SMS, logs and exports);
/// line breaks and tabs are allowed only in multi-line fields. Markup is refused in fields that
/// name something (a name, a product, a staff number), where it can only be an attack; in the
/// description it is kept as text, because customers quote what they saw, and every output
/// (HTML page encoding, JSON, SMS text) treats it as text, never as markup.
/// </summary>
internal static partial class TextRules
{
    /// <summary>Whether the text contains a control character (line breaks and tabs allowed when <paramref name="multiLine"/>).</summary>
    public static bool HasControlCharacter(string text, bool multiLine) =>
        text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
        || text.Any(c => c is '\u2028' or '\u2029' or '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069');

    /// <summary>Whether the text looks like markup (a tag opener such as <c>&lt;script</c> or <c>&lt;/</c>).</summary>
    public static bool LooksLikeMarkup(string text) => Markup().IsMatch(text);

    /// <summary>Trims and normalises line breaks to <c>\n</c>.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    [GeneratedRegex(@"<\s*[a-zA-Z/!?]|javascript:", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
