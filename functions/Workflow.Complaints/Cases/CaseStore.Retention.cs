using Azure;
using Azure.Data.Tables;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Cases;

public sealed partial class CaseStore
{
    /// <summary>Most actions in one entity-group transaction (Table Storage's limit).</summary>
    private const int MaxBatch = 100;

    /// <summary>
    /// Deletes a case for retention: index rows, customer record and timeline first, the case row
    /// last, so an interrupted purge is found and finished by the next run. The audit log is kept.
    /// Returns false when there was no case.
    /// </summary>
    public async Task<bool> PurgeAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var current = await GetAsync(caseNumber, cancellationToken);
        if (current is null)
        {
            return false;
        }

        await RemoveIndexRowsAsync(CaseIndexKeys.For(current), long.MaxValue, cancellationToken);
        var customers = await _tables.GetAsync(StorageTables.Customers, cancellationToken);
        await customers.DeleteEntityAsync(caseNumber, CaseEntities.CustomerRow, ETag.All, cancellationToken);
        await DeletePartitionAsync(StorageTables.Timeline, caseNumber, cancellationToken);
        var cases = await _tables.GetAsync(StorageTables.Cases, cancellationToken);
        await cases.DeleteEntityAsync(caseNumber, CaseEntities.CaseRow, ETag.All, cancellationToken);
        CaseLogs.CasePurged(_logger, caseNumber);
        return true;
    }

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
