using Azure;
using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>
/// A row of <see cref="SmsTables.Outbox"/>. One partition; the row key is the inverted first-sent time plus
/// the repeatability id, so a query lists newest first and the same (case, step) always has the same key.
/// </summary>
internal sealed class SmsOutboxEntity : ITableEntity
{
    public const string Partition = "sms";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public Guid RepeatabilityId { get; set; }

    public string CaseNumber { get; set; } = string.Empty;

    public string Step { get; set; } = string.Empty;

    public string MaskedTo { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string? Tag { get; set; }

    public bool Essential { get; set; }

    public DateTimeOffset FirstSent { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public static string RowKeyFor(DateTimeOffset firstSent, Guid repeatabilityId) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - firstSent.UtcTicks:D19}-{repeatabilityId:N}";
}
