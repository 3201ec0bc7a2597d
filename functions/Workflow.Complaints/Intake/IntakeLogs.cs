using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Intake;

/// <summary>Log messages of intake (event ids 5000-5099). Field names only, never field values.</summary>
internal static partial class IntakeLogs
{
    [LoggerMessage(5000, LogLevel.Information, "Case {CaseNumber} accepted from {Source} (repeat: {IsRepeat})")]
    public static partial void Accepted(ILogger logger, string caseNumber, string source, bool isRepeat);

    [LoggerMessage(5001, LogLevel.Information, "Submission from {Source} refused; fields in error: {Fields}")]
    public static partial void Refused(ILogger logger, string source, string fields);

    [LoggerMessage(5002, LogLevel.Warning, "Queue message {MessageId} moved to the poison queue; fields in error: {Fields}")]
    public static partial void Poisoned(ILogger logger, string messageId, string fields);

    [LoggerMessage(5003, LogLevel.Error, "Queue message {MessageId} failed (delivery {DequeueCount}); it will be retried")]
    public static partial void QueueMessageFailed(ILogger logger, Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(5004, LogLevel.Information, "Poison message {MessageId} requeued for intake")]
    public static partial void Requeued(ILogger logger, string messageId);

    [LoggerMessage(5005, LogLevel.Information, "Poison message {MessageId} discarded")]
    public static partial void Discarded(ILogger logger, string messageId);

    [LoggerMessage(5006, LogLevel.Error, "Opening case {CaseNumber} failed; its idempotency claim was released")]
    public static partial void OpenFailed(ILogger logger, Exception exception, string caseNumber);

    [LoggerMessage(5007, LogLevel.Error, "The intake queue listener failed to poll; it retries after a pause")]
    public static partial void PollFailed(ILogger logger, Exception exception);
}
