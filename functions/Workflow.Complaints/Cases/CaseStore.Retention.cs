using Azure;
using Azure.Data.Tables;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Cases;

public sealed partial class CaseStore
{
    /// <summary>Most actions in one entity-group transaction (Table Storage's limit).</summary>
    private const int MaxBatch = 100;

    /// <summary>
    /// Deletes a case for retention: index rows, customer record, timeline and staff notifications first, the
    /// case row next, and the retention index rows (<see cref="CaseIndexKeys.Closed"/>) last, so a purge
    /// interrupted at any point is found and finished by the next run. The audit log is kept. Returns false
    /// when there was no case.
    /// </summary>
    public async Task<bool> PurgeAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var current = await GetAsync(caseNumber, cancellationToken);
        if (current is null)
        {
            return false;
        }

        var keys = CaseIndexKeys.For(current);
        var retention = keys.Where(IsRetentionKey).ToList();
        await RemoveIndexRowsAsync(keys.Where(k => !IsRetentionKey(k)), long.MaxValue, cancellationToken);
        var customers = await _tables.GetAsync(StorageTables.Customers, cancellationToken);
        await customers.DeleteEntityAsync(caseNumber, CaseEntities.CustomerRow, ETag.All, cancellationToken);
        await DeletePartitionAsync(StorageTables.Timeline, caseNumber, cancellationToken);
        await DeletePartitionAsync(StorageTables.Notifications, caseNumber, cancellationToken);
        var cases = await _tables.GetAsync(StorageTables.Cases, cancellationToken);
        await cases.DeleteEntityAsync(caseNumber, CaseEntities.CaseRow, ETag.All, cancellationToken);
        await RemoveIndexRowsAsync(retention, long.MaxValue, cancellationToken);
        CaseLogs.CasePurged(_logger, caseNumber);
        return true;
    }

    /// <summary>
    /// Closed cases whose close time is before <paramref name="closedBefore"/>, oldest first, at most
    /// <paramref name="max"/>: all of them (<paramref name="withHistoryOnly"/> false), or only those whose workflow
    /// history has not been purged. One key range of one index partition; the list may hold a case whose purge
    /// was interrupted (its case row already gone), which <see cref="ForgetClosedAsync"/> tidies.
    /// </summary>
    public async Task<IReadOnlyList<ClosedCase>> ListClosedAsync(bool withHistoryOnly, DateTimeOffset closedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var index = await _tables.GetAsync(StorageTables.Index, cancellationToken);
        var partition = withHistoryOnly ? CaseIndexKeys.ClosedWithHistory : CaseIndexKeys.Closed;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {TableKey.Time(closedBefore)}");
        var found = new List<ClosedCase>();
        await foreach (var e in index.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["RowKey", "CaseNumber"], cancellationToken: cancellationToken))
        {
            var ticks = long.Parse(e.RowKey.AsSpan(0, e.RowKey.IndexOf('|', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
            found.Add(new ClosedCase(e.GetString("CaseNumber") ?? e.RowKey[(e.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..], new DateTimeOffset(ticks, TimeSpan.Zero)));
            if (found.Count == max)
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Records that retention purged the case's workflow history (it leaves <see cref="CaseIndexKeys.ClosedWithHistory"/>).</summary>
    public Task<Case?> MarkHistoryPurgedAsync(string caseNumber, CancellationToken cancellationToken) =>
        UpdateAsync(caseNumber, c => c with { HistoryPurgedAt = c.HistoryPurgedAt ?? _time.GetUtcNow() }, cancellationToken);

    /// <summary>Removes the retention index rows of a case whose case row is gone (an interrupted purge).</summary>
    public Task ForgetClosedAsync(ClosedCase closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var row = TableKey.Time(closed.ClosedAt) + "|" + closed.CaseNumber;
        return RemoveIndexRowsAsync([new CaseIndexKey(CaseIndexKeys.Closed, row), new CaseIndexKey(CaseIndexKeys.ClosedWithHistory, row)], long.MaxValue, cancellationToken);
    }

    private static bool IsRetentionKey(CaseIndexKey key) => key.PartitionKey is CaseIndexKeys.Closed or CaseIndexKeys.ClosedWithHistory;

    /// <summary>
    /// Anonymises a case for retention instead of deleting it: the customer record loses name,
    /// phone, description, location and evidence; the case row loses the phone's last digits and
    /// hash (and with it the repeat-detection row). Timeline and figures stay for reports.
    /// </summary>
    public async Task<bool> AnonymiseAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var changed = await UpdateAsync(caseNumber, c => c with { MaskedPhone = PhoneNumberMask.Mask(null), PhoneHash = null }, cancellationToken);
        if (changed is null)
        {
            return false;
        }

        var customers = await _tables.GetAsync(StorageTables.Customers, cancellationToken);
        var anonymous = new CustomerRecord
        {
            CaseNumber = caseNumber,
            CustomerName = string.Empty,
            PhoneE164 = string.Empty,
            Description = string.Empty,
            AnonymisedAt = _time.GetUtcNow(),
        };
        await customers.UpsertEntityAsync(CaseEntities.ToEntity(anonymous), TableUpdateMode.Replace, cancellationToken);
        CaseLogs.CaseAnonymised(_logger, caseNumber);
        return true;
    }

    private async Task DeletePartitionAsync(string tableName, string partition, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(tableName, cancellationToken);
        var batch = new List<TableTransactionAction>(MaxBatch);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            if (batch.Count == MaxBatch)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }
}
