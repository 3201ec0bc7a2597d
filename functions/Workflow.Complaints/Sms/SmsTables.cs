using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Workflow.Complaints.Sms;

/// <summary>The SMS feature's tables, each created on first use.</summary>
public sealed class SmsTables
{
    /// <summary>One row per (case number, step): repeatability id, first-sent time, and the provider's answer.</summary>
    public const string SendLog = "SmsSendLog";

    /// <summary>What the local outbox sender "sent".</summary>
    public const string Outbox = "SmsOutbox";

    /// <summary>Opted-out numbers, keyed by hash.</summary>
    public const string OptOut = "SmsOptOut";

    /// <summary>Event Grid event ids already applied.</summary>
    public const string InboundEvents = "SmsInboundEvents";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly TableServiceClient _service;
    private readonly string _prefix;

    /// <summary>Uses the tables named above in <paramref name="service"/>'s account.</summary>
    public SmsTables(TableServiceClient service)
        : this(service, string.Empty)
    {
    }

    /// <summary>Puts <paramref name="prefix"/> before every table name (tests use a fresh prefix each).</summary>
    public SmsTables(TableServiceClient service, string prefix)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        _service = service;
        _prefix = prefix;
    }

    /// <summary>The table named <paramref name="name"/>, created if it does not exist yet.</summary>
    public async Task<TableClient> GetAsync(string name)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value;
        }
        catch (Azure.RequestFailedException)
        {
            // Storage was unreachable: forget the failed attempt so the next call tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var table = _service.GetTableClient(_prefix + name);
        // Not the first caller's token: the creation is shared by every later caller.
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }

    /// <summary>Adds <paramref name="entity"/> unless a row with its keys exists; true when it was added.</summary>
    internal static async Task<bool> TryAddAsync<T>(TableClient table, T entity, CancellationToken ct)
        where T : class, ITableEntity
    {
        try
        {
            await table.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Table Storage has no insert-if-absent that answers without a conflict.
            return false;
        }
    }
}
