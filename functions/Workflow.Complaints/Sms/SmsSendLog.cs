using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Remembers, per (case number, step), the repeatability id and first-sent time of a message, written
/// before the first attempt and reused by every later one, and whether the provider accepted it. A second
/// row per sent message, keyed by the provider's message id, leads a delivery report back to its case and step.
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
        if (!string.IsNullOrEmpty(messageId))
        {
            // The message-id row first: once the send is marked complete no later attempt would write it.
            var sent = (await table.GetEntityAsync<SmsSendLogEntity>(repeatabilityId.ToString("N"), string.Empty, cancellationToken: ct)).Value;
            await table.UpsertEntityAsync(new SmsSendLogEntity
            {
                PartitionKey = MessagePartition(messageId),
                RowKey = string.Empty,
                CaseNumber = sent.CaseNumber,
                Step = sent.Step,
                FirstSent = sent.FirstSent,
                MessageId = messageId,
                RepeatabilityId = repeatabilityId,
            }, TableUpdateMode.Replace, ct);
        }

        var entity = new TableEntity(repeatabilityId.ToString("N"), string.Empty)
        {
            [nameof(SmsSendLogEntity.SentAt)] = time.GetUtcNow(),
            [nameof(SmsSendLogEntity.MessageId)] = messageId,
        };
        await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>The case number and step of the message the provider knows as <paramref name="messageId"/>; null when this log did not send it.</summary>
    public async Task<SmsSentMessage?> FindByMessageIdAsync(string messageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var table = await tables.GetAsync(SmsTables.SendLog);
        var row = await table.GetEntityIfExistsAsync<SmsSendLogEntity>(MessagePartition(messageId), string.Empty, cancellationToken: ct);
        return row.HasValue
            ? new SmsSentMessage(messageId, row.Value!.CaseNumber, row.Value.Step, row.Value.RepeatabilityId ?? Guid.Empty, row.Value.FirstSent)
            : null;
    }

    // Provider message ids are free text; a hash makes a valid key that cannot collide with a repeatability id's.
    private static string MessagePartition(string messageId) =>
        "message-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
}
