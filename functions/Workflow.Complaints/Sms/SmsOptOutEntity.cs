using Azure;
using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>A row of <see cref="SmsTables.OptOut"/>: partition = hash of the normalised number.</summary>
internal sealed class SmsOptOutEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset OptedOutAt { get; set; }

    public string? Region { get; set; }
}
