namespace Workflow.Complaints.Lifecycle;

/// <summary>The kinds of timeline entry the orchestration writes.</summary>
public static class TimelineKinds
{
    /// <summary>The case was recorded.</summary>
    public const string Recorded = "recorded";

    /// <summary>Triage set severity, level and department.</summary>
    public const string Triaged = "triaged";

    /// <summary>An SMS went to the customer.</summary>
    public const string SmsSent = "sms-sent";

    /// <summary>The provider reported an SMS's delivery (delivered, failed, ...); written when the report arrives.</summary>
    public const string SmsDelivery = "sms-delivery";

    /// <summary>An SMS could not be sent (after every retry); the case goes on.</summary>
    public const string SmsFailed = "sms-failed";

    /// <summary>A staff notification could not be delivered (after every retry); the case goes on.</summary>
    public const string NotificationFailed = "notification-failed";

    /// <summary>Staff were notified.</summary>
    public const string Notified = "notified";

    /// <summary>A clock started.</summary>
    public const string ClockStarted = "clock-started";

    /// <summary>A clock was stopped in time.</summary>
    public const string ClockMet = "clock-met";

    /// <summary>The assignee was warned before a deadline.</summary>
    public const string DeadlineWarning = "deadline-warning";

    /// <summary>A deadline passed.</summary>
    public const string DeadlineBreached = "deadline-breached";

    /// <summary>The case was escalated (supervisor or department head).</summary>
    public const string Escalated = "escalated";

    /// <summary>A running clock's deadline was recomputed (severity, department, pause).</summary>
    public const string DeadlineRecomputed = "deadline-recomputed";

    /// <summary>A staff action was applied; the reason names the action.</summary>
    public const string Action = "action";

    /// <summary>A staff action was refused as invalid in the case's state.</summary>
    public const string Refused = "refused";

    /// <summary>The customer answered the survey.</summary>
    public const string SurveyAnswered = "survey-answered";

    /// <summary>The survey closed without an answer.</summary>
    public const string SurveyUnanswered = "survey-unanswered";

    /// <summary>A low score reopened the case for a supervisor's review.</summary>
    public const string Reopened = "reopened";

    /// <summary>The case ended (closed or withdrawn).</summary>
    public const string Ended = "ended";
}
