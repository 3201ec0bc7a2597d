namespace Workflow.Complaints.Triage;

/// <summary>Finds configured keywords in free text (Chinese by substring, Latin words on word boundaries).</summary>
internal static class KeywordMatcher
{
    /// <summary>The first keyword of <paramref name="keywords"/> found in any of <paramref name="texts"/>, or null.</summary>
    public static string? FirstMatch(IEnumerable<string> keywords, params ReadOnlySpan<string?> texts)
    {
        foreach (var keyword in keywords)
        {
            if (string.IsNullOrWhiteSpace(keyword))
            {
                continue;
            }

            foreach (var text in texts)
            {
                if (text is not null && Contains(text, keyword.Trim()))
                {
                    return keyword.Trim();
                }
            }
        }

        return null;
    }

    internal static bool Contains(string text, string keyword)
    {
        var from = 0;
        while (from <= text.Length - keyword.Length)
        {
            var at = text.IndexOf(keyword, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            if (StartsAsWord(text, at, keyword) && EndsAsWord(text, at + keyword.Length, keyword))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private static bool StartsAsWord(string text, int at, string keyword) =>
        !IsLatinLetter(keyword[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);

    // A plural "s" still counts as the word, so "lawyers" matches "lawyer".
    private static bool EndsAsWord(string text, int end, string keyword)
    {
        if (!IsLatinLetter(keyword[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]))
        {
            return true;
        }

        return (text[end] is 's' or 'S') && (end + 1 == text.Length || !char.IsLetterOrDigit(text[end + 1]));
    }

    private static bool IsLatinLetter(char c) => char.IsAsciiLetter(c);
}
