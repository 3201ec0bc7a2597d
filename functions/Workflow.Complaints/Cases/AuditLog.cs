using Azure.Data.Tables;

namespace Workflow.Complaints.Cases;

/// <summary>
/// The audit log of staff reads of full customer records (SPEC section 1), partitioned by case
/// and ordered by time, so "who saw this customer's data" is one partition query.
/// </summary>
public sealed class AuditLog
{
    private readonly StorageTables _tables;

    /// <summary>Creates the log.</summary>
    public AuditLog(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
    }

    /// <summary>Records one read. Written before the record is returned, so no read goes unaudited.</summary>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await _tables.GetAsync(StorageTables.Audit, cancellationToken);
        var row = new TableEntity(entry.CaseNumber, TableKey.Time(entry.Time) + "|" + Guid.NewGuid().ToString("N"))
        {
            [nameof(AuditEntry.Time)] = entry.Time,
            [nameof(AuditEntry.StaffUser)] = entry.StaffUser,
            [nameof(AuditEntry.Reason)] = entry.Reason,
        };
        await table.AddEntityAsync(row, cancellationToken);
    }

    /// <summary>The reads of one case's record, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        var table = await _tables.GetAsync(StorageTables.Audit, cancellationToken);
        var entries = new List<AuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseNumber}"), cancellationToken: cancellationToken))
        {
            entries.Add(new AuditEntry(
                e.PartitionKey,
                e.GetDateTimeOffset(nameof(AuditEntry.Time)) ?? DateTimeOffset.MinValue,
                e.GetString(nameof(AuditEntry.StaffUser)) ?? string.Empty,
                e.GetString(nameof(AuditEntry.Reason)) ?? string.Empty));
        }

        return entries;
    }
}
