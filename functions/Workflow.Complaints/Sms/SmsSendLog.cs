using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Remembers, per (case number, step), the repeatability id and first-sent time of a message, written
/// before the first attempt and reused by every later one, and whether the provider accepted it.
/// </summary>
public sealed class SmsSendLog(SmsTables tables, TimeProvider time)
{
    /// <summary>The record for <paramref name="message"/>, created with the current time on the first call.</summary>
    public async Task<SmsSendRecord> BeginAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = SmsRepeatability.IdFor(message.CaseNumber, message.Step);
        var table = await tables.GetAsync(SmsTables.SendLog);
        var now = time.GetUtcNow();
        // The provider reads the time as RFC 1123, so keep whole seconds to send the same value every time.
        var firstSent = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var entity = new SmsSendLogEntity
        {
            PartitionKey = id.ToString("N"),
            RowKey = string.Empty,
            CaseNumber = message.CaseNumber,
            Step = message.Step,
            FirstSent = firstSent,
        };
        if (await SmsTables.TryAddAsync(table, entity, ct))
        {
            return new SmsSendRecord(id, firstSent, null, null);
        }

        var existing = (await table.GetEntityAsync<SmsSendLogEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct)).Value;
        return new SmsSendRecord(id, existing.FirstSent, existing.MessageId, existing.SentAt);
    }

    /// <summary>Marks the message as accepted by the provider.</summary>
    public async Task CompleteAsync(Guid repeatabilityId, string? messageId, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.SendLog);
        var entity = new TableEntity(repeatabilityId.ToString("N"), string.Empty)
        {
            [nameof(SmsSendLogEntity.SentAt)] = time.GetUtcNow(),
            [nameof(SmsSendLogEntity.MessageId)] = messageId,
        };
        await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, ct);
    }
}
