using Azure.Data.Tables;

namespace Workflow.Complaints.Cases;

public sealed partial class CaseStore
{
    /// <summary>
    /// A staff read of the full customer record. The read is written to the <see cref="AuditLog"/>
    /// first, so a record is never returned without its audit entry. Null when there is no record.
    /// </summary>
    public async Task<CustomerRecord?> GetCustomerRecordAsync(string caseNumber, string staffUser, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(staffUser);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await _audit.RecordAsync(new AuditEntry(caseNumber, _time.GetUtcNow(), staffUser, reason), cancellationToken);
        CaseLogs.CustomerRecordRead(_logger, caseNumber, staffUser);
        return await ReadCustomerRecordAsync(caseNumber, cancellationToken);
    }

    /// <summary>
    /// The number to send SMS for this case to (E.164), for the SMS sender only; null when the
    /// case has no record or was anonymised.
    /// </summary>
    public async Task<string?> GetSmsRecipientAsync(string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        var record = await ReadCustomerRecordAsync(caseNumber, cancellationToken);
        return string.IsNullOrEmpty(record?.PhoneE164) ? null : record.PhoneE164;
    }

    private async Task<CustomerRecord?> ReadCustomerRecordAsync(string caseNumber, CancellationToken cancellationToken)
    {
        var customers = await _tables.GetAsync(StorageTables.Customers, cancellationToken);
        var row = await customers.GetEntityIfExistsAsync<TableEntity>(caseNumber, CaseEntities.CustomerRow, cancellationToken: cancellationToken);
        return row.HasValue ? CaseEntities.ToCustomerRecord(row.Value!) : null;
    }
}
