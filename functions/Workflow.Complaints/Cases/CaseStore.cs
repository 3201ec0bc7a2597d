using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Cases;

/// <summary>
/// The case store on Table Storage (layout in <c>docs/storage.md</c>). The case row is the source
/// of truth; index rows are derived from it (<see cref="CaseIndexKeys"/>) and written in an
/// idempotent order around it: new index rows first, then the ETag-guarded case row, then stale
/// index rows removed. A crash between steps leaves at worst an extra index row whose revision is
/// behind the case row, which readers tolerate and <see cref="RepairIndexAsync"/> removes.
/// </summary>
public sealed partial class CaseStore
{
    private readonly StorageTables _tables;
    private readonly AuditLog _audit;
    private readonly PhoneNumberHash _phoneHash;
    private readonly TimeProvider _time;
    private readonly CaseStoreOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger<CaseStore> _logger;

    /// <summary>Creates the store.</summary>
    public CaseStore(
        StorageTables tables,
        AuditLog audit,
        PhoneNumberHash phoneHash,
        TimeProvider time,
        IOptions<CaseStoreOptions> options,
        ILogger<CaseStore> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(phoneHash);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _tables = tables;
        _audit = audit;
        _phoneHash = phoneHash;
        _time = time;
        _options = options.Value;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_options.ServiceTimeZone);
        _logger = logger;
    }

    /// <summary>
    /// Records a new case: customer record, index rows and the first timeline entry, then the case
    /// row. Idempotent: recording a case number that exists returns the stored case unchanged.
    /// </summary>
    public async Task<Case> CreateAsync(Case newCase, CustomerRecord customer, TimelineEntry received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(received);
        if (customer.CaseNumber != newCase.CaseNumber)
        {
            throw new ArgumentException("The customer record belongs to another case.", nameof(customer));
        }

        var cases = await _tables.GetAsync(StorageTables.Cases, cancellationToken);
        var existing = await cases.GetEntityIfExistsAsync<TableEntity>(newCase.CaseNumber, CaseEntities.CaseRow, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            return CaseEntities.ToCase(existing.Value!);
        }

        var customers = await _tables.GetAsync(StorageTables.Customers, cancellationToken);
        await customers.UpsertEntityAsync(CaseEntities.ToEntity(customer), TableUpdateMode.Replace, cancellationToken);
        await WriteIndexRowsAsync(newCase, CaseIndexKeys.For(newCase), cancellationToken);
        await AppendTimelineAsync(newCase.CaseNumber, received with { Id = received.Id ?? "received" }, cancellationToken);
        try
        {
            await cases.AddEntityAsync(CaseEntities.ToEntity(newCase), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A concurrent recording of the same case won; it wrote the same rows.
            var stored = await cases.GetEntityAsync<TableEntity>(newCase.CaseNumber, CaseEntities.CaseRow, cancellationToken: cancellationToken);
            return CaseEntities.ToCase(stored.Value);
        }

        CaseLogs.CaseRecorded(_logger, newCase.CaseNumber);
        return newCase;
    }

    /// <summary>The case, or null when there is none with this number.</summary>
    public async Task<Case?> GetAsync(string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        var cases = await _tables.GetAsync(StorageTables.Cases, cancellationToken);
        var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseNumber, CaseEntities.CaseRow, cancellationToken: cancellationToken);
        return row.HasValue ? CaseEntities.ToCase(row.Value!) : null;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the case and stores it, guarded by the row's ETag: on a
    /// concurrent update the case is read again and the change applied again. Returns the stored
    /// case, or null when there is no such case. The change must be a pure function of its input.
    /// </summary>
    public async Task<Case?> UpdateAsync(string caseNumber, Func<Case, Case> change, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        ArgumentNullException.ThrowIfNull(change);
        var cases = await _tables.GetAsync(StorageTables.Cases, cancellationToken);
        var written = new HashSet<CaseIndexKey>();
        for (var attempt = 1; attempt <= _options.UpdateAttempts; attempt++)
        {
            var row = await cases.GetEntityIfExistsAsync<TableEntity>(caseNumber, CaseEntities.CaseRow, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var current = CaseEntities.ToCase(row.Value!);
            var changed = change(current) with { CaseNumber = current.CaseNumber, Revision = current.Revision + 1 };
            var keys = CaseIndexKeys.For(changed);
            await WriteIndexRowsAsync(changed, keys, cancellationToken);
            written.UnionWith(keys);
            try
            {
                await cases.UpdateEntityAsync(CaseEntities.ToEntity(changed), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                CaseLogs.UpdateConflict(_logger, caseNumber, attempt);
                continue;
            }

            written.UnionWith(CaseIndexKeys.For(current));
            written.ExceptWith(keys);
            await RemoveIndexRowsAsync(written, changed.Revision, cancellationToken);
            return changed;
        }

        throw new CaseUpdateConflictException($"Case {caseNumber} kept changing; the update was given up after {_options.UpdateAttempts} attempts.");
    }

    /// <summary>
    /// Makes the index rows of a case match its case row: writes the rows it should have and
    /// removes any older row left by an interrupted update (found through the case's partitions).
    /// </summary>
    public async Task RepairIndexAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var current = await GetAsync(caseNumber, cancellationToken);
        if (current is null)
        {
            return;
        }

        var keys = CaseIndexKeys.For(current);
        await WriteIndexRowsAsync(current, keys, cancellationToken);
        var index = await _tables.GetAsync(StorageTables.Index, cancellationToken);
        var stale = new HashSet<CaseIndexKey>();
        var filter = TableClient.CreateQueryFilter($"CaseNumber eq {caseNumber} and Revision lt {current.Revision}");
        await foreach (var e in index.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            stale.Add(new CaseIndexKey(e.PartitionKey, e.RowKey));
        }

        stale.ExceptWith(keys);
        await RemoveIndexRowsAsync(stale, current.Revision, cancellationToken);
    }

    private async Task WriteIndexRowsAsync(Case c, IEnumerable<CaseIndexKey> keys, CancellationToken cancellationToken)
    {
        var index = await _tables.GetAsync(StorageTables.Index, cancellationToken);
        await Task.WhenAll(keys.Select(k => index.UpsertEntityAsync(CaseEntities.ToIndexEntity(k, c), TableUpdateMode.Replace, cancellationToken)));
    }

    /// <summary>Removes index rows written for <paramref name="revision"/> or earlier; a newer row (a later update's) stays.</summary>
    private async Task RemoveIndexRowsAsync(IEnumerable<CaseIndexKey> keys, long revision, CancellationToken cancellationToken)
    {
        var index = await _tables.GetAsync(StorageTables.Index, cancellationToken);
        foreach (var key in keys)
        {
            var row = await index.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || (row.Value!.GetInt64(nameof(Case.Revision)) ?? 0) > revision)
            {
                continue;
            }

            try
            {
                await index.DeleteEntityAsync(key.PartitionKey, key.RowKey, row.Value!.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Removed already, or rewritten by a later update that owns it now.
            }
        }
    }
}
