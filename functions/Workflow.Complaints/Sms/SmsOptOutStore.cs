using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>Numbers that replied STOP: kept under a hash of the normalised number, never the number itself.</summary>
public sealed class SmsOptOutStore(SmsTables tables, IOptions<SmsOptions> options, TimeProvider time)
{
    /// <summary>True when <paramref name="e164"/> opted out (and has not replied START since).</summary>
    public async Task<bool> IsOptedOutAsync(string e164, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.OptOut);
        var row = await table.GetEntityIfExistsAsync<SmsOptOutEntity>(SmsPhoneNumber.Hash(e164), string.Empty, cancellationToken: ct);
        return row.HasValue;
    }

    /// <summary>Opts <paramref name="e164"/> out of non-essential messages.</summary>
    public async Task OptOutAsync(string e164, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.OptOut);
        var entity = new SmsOptOutEntity
        {
            PartitionKey = SmsPhoneNumber.Hash(e164),
            RowKey = string.Empty,
            OptedOutAt = time.GetUtcNow(),
            Region = SmsPhoneNumber.RegionOf(e164),
        };
        await table.UpsertEntityAsync(entity, Azure.Data.Tables.TableUpdateMode.Replace, ct);
    }

    /// <summary>Subscribes <paramref name="e164"/> again.</summary>
    public async Task OptInAsync(string e164, CancellationToken ct)
    {
        var table = await tables.GetAsync(SmsTables.OptOut);
        // Deleting an absent row succeeds with 404 swallowed by the SDK.
        await table.DeleteEntityAsync(SmsPhoneNumber.Hash(e164), string.Empty, Azure.ETag.All, ct);
    }

    /// <summary>
    /// True when <paramref name="message"/> must not go: its number opted out and the message is not
    /// essential, or the number's region lets an opt-out stop essential messages too.
    /// </summary>
    public async Task<bool> BlocksAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var e164 = SmsPhoneNumber.Normalise(message.To, settings.DefaultRegion);
        if (e164 is null || !await IsOptedOutAsync(e164, ct))
        {
            return false;
        }

        if (!message.Essential)
        {
            return true;
        }

        var region = SmsPhoneNumber.RegionOf(e164);
        return region is not null && settings.OptOut.EssentialBlockedRegions.Contains(region, StringComparer.OrdinalIgnoreCase);
    }
}
