using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Event Grid delivers at least once: this applies each event id once. An event is claimed before it is
/// applied and marked applied after; a claim left unfinished longer than
/// <see cref="SmsInboundOptions.ClaimTimeout"/> (its process died) is taken over by the next delivery.
/// </summary>
public sealed class SmsInboundEventLog(SmsTables tables, IOptionsMonitor<SmsOptions> options, TimeProvider time)
{
    /// <summary>Claims <paramref name="eventId"/> for applying.</summary>
    public async Task<SmsInboundClaim> TryBeginAsync(string eventId, string eventType, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.InboundEvents);
        var now = time.GetUtcNow();
        var entity = new SmsInboundEventEntity
        {
            PartitionKey = KeyOf(eventId),
            RowKey = string.Empty,
            EventType = eventType,
            ClaimedAt = now,
        };
        if (await SmsTables.TryAddAsync(table, entity, ct))
        {
            return SmsInboundClaim.Claimed;
        }

        var existing = await table.GetEntityIfExistsAsync<SmsInboundEventEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: ct);
        if (!existing.HasValue)
        {
            // Released between our insert and read: the next delivery will claim it.
            return SmsInboundClaim.InProgress;
        }

        var row = existing.Value!;
        if (row.AppliedAt is not null)
        {
            return SmsInboundClaim.Duplicate;
        }

        if (now - row.ClaimedAt < options.CurrentValue.Inbound.ClaimTimeout)
        {
            return SmsInboundClaim.InProgress;
        }

        row.ClaimedAt = now;
        try
        {
            // The ETag makes one of several concurrent take-overs win.
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            return SmsInboundClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return SmsInboundClaim.InProgress;
        }
    }

    /// <summary>Marks <paramref name="eventId"/> applied: later deliveries are duplicates.</summary>
    public async Task CompleteAsync(string eventId, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.InboundEvents);
        var entity = new TableEntity(KeyOf(eventId), string.Empty) { [nameof(SmsInboundEventEntity.AppliedAt)] = time.GetUtcNow() };
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>Releases a claim whose event failed, so Event Grid's redelivery applies it at once.</summary>
    public async Task ForgetAsync(string eventId, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.InboundEvents);
        await table.DeleteEntityAsync(KeyOf(eventId), string.Empty, ETag.All, ct);
    }

    private static string KeyOf(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));
    }
}
