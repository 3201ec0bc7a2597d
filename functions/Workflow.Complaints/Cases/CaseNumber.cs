using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Workflow.Complaints.Cases;

/// <summary>
/// A case's human-readable number, <c>C-yyyyMMdd-nnnnnn</c>: the service-time-zone date it was
/// opened and its sequence within that day. It is quoted in every SMS and page.
/// </summary>
public readonly record struct CaseNumber(DateOnly Date, int Sequence)
{
    /// <summary>The largest sequence a day can hold (six digits).</summary>
    public const int MaxSequence = 999_999;

    private const string DateFormat = "yyyyMMdd";
    private const int Length = 17;

    /// <summary>The formatted number.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"C-{Date.ToString(DateFormat, CultureInfo.InvariantCulture)}-{Sequence:D6}");

    /// <summary>The key prefix shared by every number of a day (<c>C-yyyyMMdd-</c>).</summary>
    public static string DayPrefix(DateOnly date) => "C-" + date.ToString(DateFormat, CultureInfo.InvariantCulture) + "-";

    /// <summary>Parses a formatted number; false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CaseNumber number)
    {
        number = default;
        if (text is null || text.Length != Length || !text.StartsWith("C-", StringComparison.Ordinal) || text[10] != '-')
        {
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(2, 8), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !int.TryParse(text.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            return false;
        }

        number = new CaseNumber(date, sequence);
        return true;
    }
}
