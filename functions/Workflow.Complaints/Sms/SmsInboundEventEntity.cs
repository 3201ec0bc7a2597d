using Azure;
using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>A row of <see cref="SmsTables.InboundEvents"/>: partition = hash of the event id (ids may hold characters keys cannot).</summary>
internal sealed class SmsInboundEventEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string EventType { get; set; } = string.Empty;

    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }
}
