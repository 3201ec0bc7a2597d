namespace Workflow.Complaints.Notifications;

/// <summary>Filters of a notification-outbox listing; null means any.</summary>
/// <param name="CaseNumber">Only this case's notifications (one partition).</param>
/// <param name="Role">Only those for this role (wire name).</param>
/// <param name="State"><see cref="NotificationState.Held"/> or <see cref="NotificationState.Due"/>.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="ContinuationToken">From the previous page.</param>
public sealed record NotificationQuery(string? CaseNumber, string? Role, string? State, int PageSize, string? ContinuationToken);
