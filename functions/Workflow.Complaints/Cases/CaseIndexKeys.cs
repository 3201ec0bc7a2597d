using System.Globalization;

namespace Workflow.Complaints.Cases;

/// <summary>
/// The index rows a case owns in its current state (see <c>docs/storage.md</c>). Every index is
/// derived from the case row alone, so the set can be recomputed and repaired at any time.
/// </summary>
public static class CaseIndexKeys
{
    /// <summary>All open cases, ordered by next deadline.</summary>
    public const string Open = "open";

    /// <summary>Prefix of the open cases of one department, ordered by next deadline.</summary>
    public const string OpenByDepartment = "open-dept|";

    /// <summary>Prefix of the open cases of one escalation level, ordered by next deadline.</summary>
    public const string OpenByLevel = "open-level|";

    /// <summary>Prefix of the cases of one phone-number hash, ordered by creation time.</summary>
    public const string ByPhone = "phone|";

    /// <summary>Closed cases by close time, until retention purges the case record.</summary>
    public const string Closed = "closed";

    /// <summary>Closed cases by close time whose workflow history retention has not purged yet.</summary>
    public const string ClosedWithHistory = "closed-history";

    /// <summary>Department key of an open case that has not been routed yet.</summary>
    public const string Unrouted = "-";

    /// <summary>The index rows of a case.</summary>
    public static IReadOnlySet<CaseIndexKey> For(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var keys = new HashSet<CaseIndexKey>();
        if (c.PhoneHash is not null)
        {
            keys.Add(new CaseIndexKey(ByPhone + c.PhoneHash, TableKey.Time(c.CreatedAt) + "|" + c.CaseNumber));
        }

        if (c.ClosedAt is { } closedAt)
        {
            var byClose = TableKey.Time(closedAt) + "|" + c.CaseNumber;
            keys.Add(new CaseIndexKey(Closed, byClose));
            if (c.HistoryPurgedAt is null)
            {
                keys.Add(new CaseIndexKey(ClosedWithHistory, byClose));
            }
        }
        else
        {
            var byDeadline = DeadlineRow(c.NextDeadline, c.CaseNumber);
            keys.Add(new CaseIndexKey(Open, byDeadline));
            keys.Add(new CaseIndexKey(DepartmentPartition(c.Department), byDeadline));
            if (c.Level > 0)
            {
                keys.Add(new CaseIndexKey(LevelPartition(c.Level), byDeadline));
            }
        }

        return keys;
    }

    /// <summary>The partition of a department's open cases.</summary>
    public static string DepartmentPartition(string? department) =>
        OpenByDepartment + (string.IsNullOrEmpty(department) ? Unrouted : TableKey.Escape(department));

    /// <summary>The partition of a level's open cases.</summary>
    public static string LevelPartition(int level) => OpenByLevel + level.ToString(CultureInfo.InvariantCulture);

    /// <summary>The row key ordering open cases by next deadline (cases without one last).</summary>
    public static string DeadlineRow(DateTimeOffset? deadline, string caseNumber) =>
        (deadline is { } d ? TableKey.Time(d) : TableKey.NoTime) + "|" + caseNumber;
}
