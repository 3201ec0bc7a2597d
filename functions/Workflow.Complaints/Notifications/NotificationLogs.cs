using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Notifications;

/// <summary>Log messages of the staff notification outbox (event ids 5700-5749).</summary>
internal static partial class NotificationLogs
{
    [LoggerMessage(5700, LogLevel.Information, "Case {CaseNumber}: notification {Key} for {Role} recorded, deliver at {DeliverAt:O}")]
    public static partial void Recorded(ILogger logger, string caseNumber, string key, string role, DateTimeOffset deliverAt);

    [LoggerMessage(5701, LogLevel.Debug, "Case {CaseNumber}: notification {Key} was already recorded")]
    public static partial void AlreadyRecorded(ILogger logger, string caseNumber, string key);
}
