using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Workflow.Testing;

namespace Workflow.Bench.Complaints;

/// <summary>
/// The complaints host as a child process on the Azure Storage backend, with its own task hub, table prefixes and
/// intake queue on the given storage, and a client that files complaints as customers would.
/// </summary>
internal sealed class ComplaintsBenchHost : IAsyncDisposable
{
    private readonly ComplaintsHostProcess _process;
    private readonly HttpClient _client;
    private long _next;

    private ComplaintsBenchHost(ComplaintsHostProcess process, string connectionString, string id)
    {
        _process = process;
        _client = process.Client();
        ConnectionString = connectionString;
        Id = id;
    }

    public string ConnectionString { get; }

    /// <summary>The task hub and table-prefix suffix of this host.</summary>
    public string Id { get; }

    public string CasePrefix => "c" + Id;

    public string SmsPrefix => "s" + Id;

    public string HubName => "bench" + Id;

    public int ProcessId => _process.ProcessId;

    public static async Task<ComplaintsBenchHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? extra, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Durable:Backend"] = "AzureStorage",
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = "bench" + id,
            ["Cases:TablePrefix"] = "c" + id,
            ["Sms:TablePrefix"] = "s" + id,
            ["Intake:QueueName"] = "bench-" + id,
            ["Intake:PoisonQueueName"] = "bench-" + id + "-poison",
            ["Intake:QueueListenerEnabled"] = "false",
            // Eight clients on one loopback address would meet the per-address rate limit first.
            ["Intake:RateLimitPermits"] = "1000000",
            ["Retention:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = await ComplaintsHostProcess.StartAsync(settings, ct);
        return new ComplaintsBenchHost(process, connectionString, id);
    }

    /// <summary>Files one complaint with a distinct phone number; returns the status and the elapsed time.</summary>
    public async Task<(HttpStatusCode Status, TimeSpan Elapsed)> FileAsync(CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _next);
        var body = new JsonObject
        {
            ["customerName"] = "王小明",
            ["phone"] = "138" + (10_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "complaint",
            ["description"] = "The parcel arrived broken and nobody answers the hotline. Order " + n,
            ["language"] = "zh-CN",
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.PostAsync(new Uri("/api/complaints", UriKind.Relative), content, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return (response.StatusCode, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The host's working set and managed heap, from <c>/healthz</c>.</summary>
    public async Task<(long WorkingSet, long GcHeap)> MemoryAsync(CancellationToken ct)
    {
        var health = await _client.GetFromJsonAsync<JsonObject>(new Uri("/healthz", UriKind.Relative), ct);
        var memory = health!["memory"]!;
        return ((long)memory["workingSetBytes"]!, (long)memory["gcHeapBytes"]!);
    }

    /// <summary>How many acknowledgement SMS the outbox recorded (one per case whose orchestration ran its first steps).</summary>
    public async Task<int> AcknowledgedAsync(CancellationToken ct)
    {
        var table = new TableClient(ConnectionString, SmsPrefix + "SmsOutbox");
        var count = 0;
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>("Step eq 'acknowledgement'", select: ["PartitionKey"], cancellationToken: ct))
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // No SMS yet.
        }

        return count;
    }

    /// <summary>Every timeline row of <paramref name="kinds"/>.</summary>
    public async Task<List<TableEntity>> TimelineAsync(IReadOnlyList<string> kinds, CancellationToken ct)
    {
        var table = new TableClient(ConnectionString, CasePrefix + "CaseTimeline");
        var filter = string.Join(" or ", kinds.Select(k => TableClient.CreateQueryFilter($"Kind eq {k}")));
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "Kind", "Time", "Clock", "OldDeadline", "NewDeadline"], cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _process.DisposeAsync();
    }
}
