using Azure;
using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>
/// A row of <see cref="SmsTables.SendLog"/>: partition = repeatability id, one row; or, for a sent message,
/// partition = <c>message-</c> and the hash of the provider's message id, pointing back at the first.
/// </summary>
internal sealed class SmsSendLogEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CaseNumber { get; set; } = string.Empty;

    public string Step { get; set; } = string.Empty;

    public DateTimeOffset FirstSent { get; set; }

    public string? MessageId { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public Guid? RepeatabilityId { get; set; }
}
