namespace Workflow.Complaints.Sms;

/// <summary>The languages SMS templates are written in.</summary>
public static class SmsLanguages
{
    /// <summary>Simplified Chinese.</summary>
    public const string Chinese = "zh-CN";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>Every supported language.</summary>
    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>Maps a case or browser language (<c>zh</c>, <c>zh-Hans-CN</c>, <c>en-GB</c>) to a template language, or null.</summary>
    public static string? Match(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return Chinese;
        }

        return language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : null;
    }

    /// <summary>Guesses the language of an inbound text: Chinese when it has a CJK character, English when it has Latin letters.</summary>
    public static string Detect(string text, string fallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return Chinese;
        }

        return text.Any(char.IsAsciiLetter) ? English : fallback;
    }
}
