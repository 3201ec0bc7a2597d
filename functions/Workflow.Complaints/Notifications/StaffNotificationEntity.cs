using Azure;
using Azure.Data.Tables;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;

namespace Workflow.Complaints.Notifications;

/// <summary>
/// A row of <see cref="StorageTables.Notifications"/>: partition = case number, row key = the orchestration's
/// time of the notification plus its key, so a case's notifications read back in order and the same
/// (case, key) raised at the same replay-stable time always lands on the same row.
/// </summary>
internal sealed class StaffNotificationEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Key { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string Department { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;

    public bool Critical { get; set; }

    public DateTimeOffset At { get; set; }

    public DateTimeOffset DeliverAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public static string RowKeyFor(DateTimeOffset at, string key) => TableKey.Time(at) + "|" + TableKey.Escape(key);

    public static StaffNotificationEntity From(StaffNotification n, DateTimeOffset recordedAt) => new()
    {
        PartitionKey = n.CaseNumber,
        RowKey = RowKeyFor(n.At, n.Key),
        Key = n.Key,
        Role = StaffRoleNames.ToName(n.Role),
        Department = n.Department,
        Subject = n.Subject,
        Text = n.Text,
        Critical = n.Critical,
        At = n.At,
        DeliverAt = n.DeliverAt,
        RecordedAt = recordedAt,
    };

    public StaffNotificationItem ToItem(DateTimeOffset now) => new(
        PartitionKey, Key, Role, Department, Subject, Text, Critical, At, DeliverAt,
        DeliverAt > now ? NotificationState.Held : NotificationState.Due, RecordedAt);
}
