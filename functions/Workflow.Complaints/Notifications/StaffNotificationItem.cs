namespace Workflow.Complaints.Notifications;

/// <summary>One recorded staff notification, as the outbox API lists it.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="Key">The notification's key within the case.</param>
/// <param name="Role">Who it is for (<c>assignee</c>, <c>supervisor</c>, <c>department-head</c>, <c>risk</c>, <c>pr</c>).</param>
/// <param name="Department">The department whose staff are meant.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Text">The message.</param>
/// <param name="Critical">Delivered at once even outside working hours.</param>
/// <param name="At">When the case's orchestration raised it.</param>
/// <param name="DeliverAt">When it may reach the person.</param>
/// <param name="State"><see cref="NotificationState.Held"/> or <see cref="NotificationState.Due"/>, at the time of listing.</param>
/// <param name="RecordedAt">When the outbox recorded it.</param>
public sealed record StaffNotificationItem(
    string CaseNumber,
    string Key,
    string Role,
    string Department,
    string Subject,
    string Text,
    bool Critical,
    DateTimeOffset At,
    DateTimeOffset DeliverAt,
    string State,
    DateTimeOffset RecordedAt);

/// <summary>A page of the notification outbox.</summary>
/// <param name="Items">The notifications: by case number, and within a case in the order raised.</param>
/// <param name="ContinuationToken">Pass back to get the next page; null on the last page.</param>
public sealed record StaffNotificationPage(IReadOnlyList<StaffNotificationItem> Items, string? ContinuationToken);
