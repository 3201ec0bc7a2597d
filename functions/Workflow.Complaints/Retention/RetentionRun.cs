namespace Workflow.Complaints.Retention;

/// <summary>One run of the retention job, as recorded in the <c>RetentionRuns</c> table.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Trigger"><c>scheduled</c> or <c>manual</c> (and who asked).</param>
/// <param name="Status"><see cref="RetentionRunStatus"/>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished; null while running.</param>
/// <param name="HistoryClosedBefore">Cases closed before this lost their workflow history.</param>
/// <param name="RecordClosedBefore">Cases closed before this lost their case record.</param>
/// <param name="HistoriesPurged">Workflow histories purged.</param>
/// <param name="CaseRecordsPurged">Case records purged.</param>
/// <param name="Skipped">Cases left for a later run (their orchestration has not ended).</param>
/// <param name="Failed">Cases whose purge failed (retried by the next run).</param>
/// <param name="Error">The first failure's message, if any.</param>
public sealed record RetentionRun(
    string RunId,
    string Trigger,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset HistoryClosedBefore,
    DateTimeOffset RecordClosedBefore,
    int HistoriesPurged,
    int CaseRecordsPurged,
    int Skipped,
    int Failed,
    string? Error);

/// <summary>The states of a <see cref="RetentionRun"/>.</summary>
public static class RetentionRunStatus
{
    /// <summary>Holding the lease and working.</summary>
    public const string Running = "running";

    /// <summary>Finished (possibly with failed cases, counted).</summary>
    public const string Completed = "completed";

    /// <summary>Stopped by an error of storage or the durable backend; the next run goes on.</summary>
    public const string Failed = "failed";

    /// <summary>Its host stopped or crashed before it finished; a later run found its lease expired.</summary>
    public const string Abandoned = "abandoned";
}
