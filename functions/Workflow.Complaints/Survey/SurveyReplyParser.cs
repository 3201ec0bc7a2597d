using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workflow.Complaints.Survey;

/// <summary>
/// Reads a satisfaction score from a free-text SMS reply: a digit 1-5 (full-width too) with any text around
/// it, Chinese and English satisfaction words, or a star count. A reply that names two different scores,
/// or a number outside 1-5, gives no score rather than a guess.
/// </summary>
public static partial class SurveyReplyParser
{
    // Longest phrases first so 不满意 is not read as 满意 and "not satisfied" not as "satisfied".
    private static readonly (string Phrase, int Score)[] ChineseWords =
    [
        ("非常不满意", 1), ("十分不满意", 1), ("很不满意", 1), ("不太满意", 2), ("不是很满意", 2),
        ("非常满意", 5), ("十分满意", 5), ("很满意", 5), ("比较满意", 4), ("基本满意", 3), ("还算满意", 3),
        ("不满意", 1), ("满意", 5), ("很差", 1), ("太差", 1), ("极差", 1), ("差评", 1), ("好评", 5), ("一般", 3), ("满分", 5),
    ];

    private static readonly (string Phrase, int Score)[] EnglishWords =
    [
        ("very dissatisfied", 1), ("very unsatisfied", 1), ("not satisfied", 1), ("not at all satisfied", 1),
        ("not very satisfied", 2), ("somewhat satisfied", 4), ("very satisfied", 5), ("extremely satisfied", 5),
        ("dissatisfied", 1), ("unsatisfied", 1), ("satisfied", 5), ("terrible", 1), ("very poor", 1), ("excellent", 5),
    ];

    private static readonly Dictionary<char, int> ChineseDigits = new() { ['零'] = 0, ['一'] = 1, ['二'] = 2, ['两'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9, ['十'] = 10 };

    private static readonly Dictionary<string, int> EnglishDigits = new(StringComparer.Ordinal) { ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5 };

    /// <summary>The score in <paramref name="reply"/>, or null when there is none or it is ambiguous.</summary>
    public static SurveyScore? Parse(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        // NFKC turns full-width digits and letters into ASCII.
        var text = reply.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        text = CaseNumber().Replace(text, " ");
        text = OutOfFive().Replace(text, " ");

        var numbers = new HashSet<int>();
        foreach (Match m in ChineseCount().Matches(text))
        {
            numbers.Add(ChineseDigits[m.Groups[1].Value[0]]);
        }

        foreach (Match m in EnglishStars().Matches(text))
        {
            numbers.Add(EnglishDigits[m.Groups[1].Value]);
        }

        foreach (Match m in Digits().Matches(text))
        {
            numbers.Add(int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue);
        }

        var stars = text.Count(c => c is '★' or '⭐');
        if (stars > 0)
        {
            numbers.Add(stars);
        }

        var words = WordScores(text);
        if (numbers.Count > 1 || numbers.Any(n => n is < SurveyScore.Min or > SurveyScore.Max))
        {
            return null;
        }

        if (numbers.Count == 1)
        {
            var score = numbers.First();
            // A number with a word that says the opposite ("1分 非常满意") is not trusted.
            return words.Any(w => Math.Abs(w - score) >= 3) ? null : new SurveyScore(score);
        }

        return words.Count == 1 ? new SurveyScore(words.First()) : null;
    }

    private static HashSet<int> WordScores(string text)
    {
        var scores = new HashSet<int>();
        var chinese = new StringBuilder(text);
        foreach (var (phrase, score) in ChineseWords)
        {
            var at = chinese.ToString().IndexOf(phrase, StringComparison.Ordinal);
            while (at >= 0)
            {
                scores.Add(score);
                // Blank the match so a shorter phrase inside it is not counted again.
                chinese.Remove(at, phrase.Length).Insert(at, new string(' ', phrase.Length));
                at = chinese.ToString().IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal);
            }
        }

        var english = chinese.ToString();
        foreach (var (phrase, score) in EnglishWords)
        {
            var pattern = $@"\b{Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}\b";
            if (Regex.IsMatch(english, pattern, RegexOptions.CultureInvariant))
            {
                scores.Add(score);
                english = Regex.Replace(english, pattern, " ", RegexOptions.CultureInvariant);
            }
        }

        return scores;
    }

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"([零一二两三四五六七八九十])\s*(?:分|星|颗星)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseCount();

    [GeneratedRegex(@"\b(one|two|three|four|five)\s+stars?\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishStars();

    // "4/5", "4 out of 5", "满分5分": the 5 is the scale, not a second answer.
    [GeneratedRegex(@"(?:/\s*5\b|\bout\s+of\s+5\b|满分\s*5\s*分?|5\s*分制)", RegexOptions.CultureInvariant)]
    private static partial Regex OutOfFive();

    // A case number quoted back (C-20261122-000123) is not a score.
    [GeneratedRegex(@"\bc-\d{8}-\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumber();
}
