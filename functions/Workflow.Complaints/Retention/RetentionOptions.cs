namespace Workflow.Complaints.Retention;

/// <summary>Settings of the retention job (section <c>Retention</c>; SPEC section 6).</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Retention";

    /// <summary>Whether the scheduled job runs on this host (a run can still be started through the API).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between the starts of two scheduled runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Delay before the first scheduled run on a task hub that has no run on record yet.</summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Days after closing when a case's workflow history is purged (its case record keeps the timeline).</summary>
    public int HistoryDays { get; set; } = 30;

    /// <summary>Days after closing when the case record itself is purged: at least two years by SPEC.</summary>
    public int CaseRecordDays { get; set; } = 730;

    /// <summary>Most cases one run handles per kind; the next run goes on from there.</summary>
    public int MaxCasesPerRun { get; set; } = 5000;

    /// <summary>How long a run holds the task hub's retention lease without renewing it (a crashed run's lease expires).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Runs listed by <c>GET /api/operations/retention</c> when the caller does not say.</summary>
    public int ListedRuns { get; set; } = 20;
}
