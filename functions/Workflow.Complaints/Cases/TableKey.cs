using System.Globalization;
using System.Text;

namespace Workflow.Complaints.Cases;

/// <summary>Key parts for Table Storage: escaping of free text and sortable times.</summary>
internal static class TableKey
{
    /// <summary>A time as 19 digits of UTC ticks, so string order is time order.</summary>
    public static string Time(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The key of "no deadline": after every real deadline.</summary>
    public static string NoTime { get; } = DateTimeOffset.MaxValue.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// Escapes a value (a department name from configuration) for a key: the characters Table
    /// Storage refuses (<c>/ \ # ?</c>, controls) and our separator <c>|</c> become <c>%XX</c>.
    /// </summary>
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A filter literal with quotes doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
