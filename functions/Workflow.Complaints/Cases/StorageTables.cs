using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Cases;

/// <summary>
/// The tables of the case store and intake, each created on first use (once per process), named
/// with the configured prefix.
/// </summary>
public sealed class StorageTables
{
    /// <summary>One row per case: the read model.</summary>
    public const string Cases = "Cases";

    /// <summary>The full customer record, one row per case, read only by the SMS sender and audited staff reads.</summary>
    public const string Customers = "CaseCustomers";

    /// <summary>Timeline entries, partitioned by case.</summary>
    public const string Timeline = "CaseTimeline";

    /// <summary>Index entities for the dashboard's queries.</summary>
    public const string Index = "CaseIndex";

    /// <summary>The audit log of staff reads of customer records.</summary>
    public const string Audit = "CaseAudit";

    /// <summary>Per-day case-number counters.</summary>
    public const string Numbers = "CaseNumbers";

    /// <summary>Idempotency keys of intake submissions.</summary>
    public const string Idempotency = "IntakeIdempotency";

    /// <summary>The staff notification outbox, partitioned by case.</summary>
    public const string Notifications = "StaffNotifications";

    /// <summary>The retention job's runs and its lease.</summary>
    public const string RetentionRuns = "RetentionRuns";

    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    /// <summary>Creates the set over a storage account.</summary>
    public StorageTables(TableServiceClient service, IOptions<CaseStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _service = service;
        _prefix = options.Value.TablePrefix;
    }

    /// <summary>The client of a table (one of the constants above), created if it does not exist yet.</summary>
    public async Task<TableClient> GetAsync(string table, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(table, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException)
        {
            // Let the next call try again rather than caching a failure for the life of the process.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(table, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var client = _service.GetTableClient(_prefix + table);
        await client.CreateIfNotExistsAsync(CancellationToken.None);
        return client;
    }
}
