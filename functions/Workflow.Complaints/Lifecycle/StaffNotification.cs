namespace Workflow.Complaints.Lifecycle;

/// <summary>One message to staff about a case.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="Key">Names the notification within the case, so a retried activity records it once.</param>
/// <param name="Role">Who it is for.</param>
/// <param name="Department">The department whose staff are meant.</param>
/// <param name="Subject">What it is about (<c>critical</c>, <c>level2</c>, <c>deadline-warning</c>, <c>escalation</c>, ...).</param>
/// <param name="Text">The message.</param>
/// <param name="Critical">Sent at once even outside working hours.</param>
/// <param name="At">When the orchestration raised it.</param>
/// <param name="DeliverAt">
/// When it may reach the person: at once when <paramref name="Critical"/>, else held until the region's next working moment.
/// </param>
public sealed record StaffNotification(
    string CaseNumber,
    string Key,
    StaffRole Role,
    string Department,
    string Subject,
    string Text,
    bool Critical,
    DateTimeOffset At,
    DateTimeOffset DeliverAt);
