namespace Workflow.Complaints.Lifecycle;

/// <summary>Log messages of the complaint lifecycle.</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Case {CaseNumber} opened: severity {Severity}, level {Level}, department {Department}")]
    public static partial void Opened(ILogger logger, string caseNumber, Triage.Severity severity, Triage.EscalationLevel level, string department);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Case {CaseNumber}: {Clock} clock breached at stage {Stage}; escalated")]
    public static partial void Breached(ILogger logger, string caseNumber, ClockKind clock, EscalationStage stage);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Case {CaseNumber}: {Action} refused in state {Status}")]
    public static partial void Refused(ILogger logger, string caseNumber, CaseAction action, CaseStatus status);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Case {CaseNumber} ended as {Status}")]
    public static partial void Ended(ILogger logger, string caseNumber, CaseStatus status);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Case {CaseNumber}: survey reply ignored in state {Status}")]
    public static partial void SurveyReplyIgnored(ILogger logger, string caseNumber, CaseStatus status);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Case {CaseNumber}: lifecycle started")]
    public static partial void Started(ILogger logger, string caseNumber);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Case {CaseNumber}: lifecycle already started")]
    public static partial void AlreadyStarted(ILogger logger, string caseNumber);
}
