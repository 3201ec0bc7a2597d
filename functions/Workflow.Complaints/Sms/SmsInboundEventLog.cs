using System.Security.Cryptography;
using System.Text;

namespace Workflow.Complaints.Sms;

/// <summary>Event Grid delivers at least once: this remembers which event ids were applied.</summary>
public sealed class SmsInboundEventLog(SmsTables tables, TimeProvider time)
{
    /// <summary>Claims <paramref name="eventId"/>; false when it was applied (or is being applied) already.</summary>
    public async Task<bool> TryBeginAsync(string eventId, string eventType, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.InboundEvents);
        var entity = new SmsInboundEventEntity
        {
            PartitionKey = KeyOf(eventId),
            RowKey = string.Empty,
            EventType = eventType,
            AppliedAt = time.GetUtcNow(),
        };
        return await SmsTables.TryAddAsync(table, entity, ct);
    }

    /// <summary>Releases a claim whose event failed, so Event Grid's redelivery applies it.</summary>
    public async Task ForgetAsync(string eventId, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.InboundEvents);
        await table.DeleteEntityAsync(KeyOf(eventId), string.Empty, Azure.ETag.All, ct);
    }

    private static string KeyOf(string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));
    }
}
