namespace Workflow.Complaints.Staff;

/// <summary>Log messages of the staff case API (event ids 5600-5699). Never a phone number.</summary>
internal static partial class StaffLogs
{
    [LoggerMessage(5600, LogLevel.Information, "Case {CaseNumber}: {Action} by {Actor} accepted in state {Status}")]
    public static partial void ActionAccepted(ILogger logger, string caseNumber, string action, string actor, string status);

    [LoggerMessage(5601, LogLevel.Information, "Case {CaseNumber}: {Action} by {Actor} refused in state {Status}")]
    public static partial void ActionRefused(ILogger logger, string caseNumber, string action, string actor, string status);

    [LoggerMessage(5602, LogLevel.Information, "Case {CaseNumber}: {Action} by {Actor} refused: level-2 wording needs an outbound reviewer")]
    public static partial void ReviewRequired(ILogger logger, string caseNumber, string action, string actor);
}
