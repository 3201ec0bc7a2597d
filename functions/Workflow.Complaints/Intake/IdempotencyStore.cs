using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>
/// Binds idempotency keys to case numbers in Table Storage with insert-if-absent: one row per
/// key, keyed by the key's SHA-256 (keys are client text and may hold characters a table key
/// cannot), so of any number of concurrent submissions with one key exactly one insert wins.
/// </summary>
public sealed class IdempotencyStore
{
    private const string Row = "key";
    private const string PendingState = "pending";
    private const string OpenedState = "opened";

    private readonly StorageTables _tables;
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    public IdempotencyStore(StorageTables tables, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(time);
        _tables = tables;
        _time = time;
    }

    /// <summary>The table key of an idempotency key.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>
    /// Returns the claim of <paramref name="key"/>: the existing one, or a new one bound to a number
    /// from <paramref name="allocate"/> (called only when no claim exists yet; a number allocated by
    /// a loser of a concurrent insert becomes a gap).
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(string key, string fingerprint, Func<CancellationToken, Task<string>> allocate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(allocate);
        var table = await _tables.GetAsync(StorageTables.Idempotency, cancellationToken);
        var hash = Hash(key);
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(hash, Row, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            return ToClaim(existing.Value!, isNew: false);
        }

        var caseNumber = await allocate(cancellationToken);
        var row = new TableEntity(hash, Row)
        {
            ["CaseNumber"] = caseNumber,
            ["Fingerprint"] = fingerprint,
            ["State"] = PendingState,
            ["ClaimedAt"] = _time.GetUtcNow(),
        };
        try
        {
            var added = await table.AddEntityAsync(row, cancellationToken);
            row.ETag = added.Headers.ETag ?? ETag.All;
            return ToClaim(row, isNew: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var winner = await table.GetEntityAsync<TableEntity>(hash, Row, cancellationToken: cancellationToken);
            return ToClaim(winner.Value, isNew: false);
        }
    }

    /// <summary>Records that the claim's case was opened, so repeats stop waiting on it.</summary>
    public async Task MarkOpenedAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await _tables.GetAsync(StorageTables.Idempotency, cancellationToken);
        var row = new TableEntity(claim.KeyHash, Row) { ["State"] = OpenedState };
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// Takes over a claim whose opener went quiet (crashed, or failed without releasing it);
    /// false when another repeat took it over first.
    /// </summary>
    public async Task<bool> TakeOverAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await _tables.GetAsync(StorageTables.Idempotency, cancellationToken);
        var row = new TableEntity(claim.KeyHash, Row) { ["ClaimedAt"] = _time.GetUtcNow() };
        try
        {
            await table.UpdateEntityAsync(row, claim.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Removes a claim whose case could not be opened, so a retry starts afresh.</summary>
    public async Task ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await _tables.GetAsync(StorageTables.Idempotency, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(claim.KeyHash, Row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    private static IdempotencyClaim ToClaim(TableEntity e, bool isNew) => new(
        e.PartitionKey,
        e.GetString("CaseNumber") ?? string.Empty,
        e.GetString("Fingerprint") ?? string.Empty,
        isNew,
        e.GetString("State") == OpenedState,
        e.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        e.ETag);
}
