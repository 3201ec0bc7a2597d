namespace Workflow.Complaints.Lifecycle;

/// <summary>Delivers staff notifications (assignee, supervisor, department head, risk, PR).</summary>
public interface INotifier
{
    /// <summary>Delivers <paramref name="notification"/> once per (case, key).</summary>
    Task NotifyAsync(StaffNotification notification, CancellationToken ct);
}
