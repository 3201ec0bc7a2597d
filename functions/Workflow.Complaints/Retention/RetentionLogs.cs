using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Retention;

/// <summary>Log messages of the retention job (event ids 5800-5849).</summary>
internal static partial class RetentionLogs
{
    [LoggerMessage(5800, LogLevel.Information, "Retention run {RunId} ({Trigger}) started: histories of cases closed before {HistoryBefore:O}, records of cases closed before {RecordBefore:O}")]
    public static partial void RunStarted(ILogger logger, string runId, string trigger, DateTimeOffset historyBefore, DateTimeOffset recordBefore);

    [LoggerMessage(5801, LogLevel.Information, "Retention run {RunId} {Status}: {Histories} histories and {Records} case records purged, {Skipped} skipped, {Failed} failed")]
    public static partial void RunFinished(ILogger logger, string runId, string status, int histories, int records, int skipped, int failed);

    [LoggerMessage(5802, LogLevel.Information, "Case {CaseNumber}: workflow history purged")]
    public static partial void HistoryPurged(ILogger logger, string caseNumber);

    [LoggerMessage(5803, LogLevel.Warning, "Case {CaseNumber}: retention skipped, its orchestration is {RuntimeStatus}")]
    public static partial void CaseSkipped(ILogger logger, string caseNumber, string runtimeStatus);

    [LoggerMessage(5804, LogLevel.Warning, "Case {CaseNumber}: retention failed; the next run retries")]
    public static partial void CaseFailed(ILogger logger, string caseNumber, Exception error);

    [LoggerMessage(5805, LogLevel.Error, "Retention run {RunId} failed")]
    public static partial void RunFailed(ILogger logger, string runId, Exception error);

    [LoggerMessage(5806, LogLevel.Information, "Retention run not started: run {HeldBy} holds the lease")]
    public static partial void Busy(ILogger logger, string? heldBy);

    [LoggerMessage(5807, LogLevel.Warning, "Retention scheduler could not reach storage; trying again later")]
    public static partial void SchedulerStorageError(ILogger logger, Exception error);
}
