using System.Collections.Frozen;

namespace Workflow.Complaints.Sms;

/// <summary>Recognises opt-out and opt-in replies; the whole reply must be the keyword (case, spaces and punctuation ignored).</summary>
public static class SmsKeywords
{
    // The industry's stop words plus the Chinese carriers' 退订 and its initials TD.
    private static readonly FrozenSet<string> StopWords =
        new[] { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "TD", "退订", "退订短信" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> StartWords =
        new[] { "START", "UNSTOP", "SUBSCRIBE" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The keyword <paramref name="text"/> is, or <see cref="SmsKeyword.None"/>.</summary>
    public static SmsKeyword Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SmsKeyword.None;
        }

        var word = new string(text.Normalize(System.Text.NormalizationForm.FormKC)
            .Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            .ToArray()).ToUpperInvariant();
        if (StopWords.Contains(word))
        {
            return SmsKeyword.Stop;
        }

        return StartWords.Contains(word) ? SmsKeyword.Start : SmsKeyword.None;
    }
}
