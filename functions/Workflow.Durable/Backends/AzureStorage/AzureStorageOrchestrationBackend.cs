using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// The durable runtime's backend on Azure Storage: history, instances, leases and timers in tables,
/// control and work-item messages in queues, large payloads in blobs. See docs/runtime.md ("The Azure
/// Storage backend") for the layout, the message flow and why each crash point is safe.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend : IOrchestrationBackend
{
    private readonly AzureStorageBackendOptions _options;
    private readonly ILogger _logger;
    private readonly TaskHubStorage _storage;
    private readonly PayloadStore _payloads;
    private readonly HistoryStore _history;
    private readonly InstanceStore _instances;
    private readonly IFaultInjector _faults;
    private readonly ConcurrentDictionary<string, InstanceSnapshot> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _lastErrors = new(StringComparer.Ordinal);
    // Control messages handed over in process (see SendControlMessagesAsync) until deleted: their first attempt had no receive to count it.
    private readonly ConcurrentDictionary<string, byte> _handedOver = new(StringComparer.Ordinal);
    private readonly QueuedSends _queuedSends;
    private long _handOvers;

    // Instances whose next snapshot must be read from storage (a failed commit, a crash), never assumed new.
    private readonly ConcurrentDictionary<string, byte> _mustLoad = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();
    private readonly object _gate = new();
    private readonly Dictionary<string, InstanceInbox> _inboxes = new(StringComparer.Ordinal);
    private CancellationTokenSource _stopping = new();
    private Task _leaseLoop = Task.CompletedTask;
    private Task _timerLoop = Task.CompletedTask;
    private bool _started;

    /// <summary>Creates a backend for the task hub described by <paramref name="options"/>.</summary>
    public AzureStorageOrchestrationBackend(AzureStorageBackendOptions options, ILogger<AzureStorageOrchestrationBackend>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _faults = options.FaultInjector;
        _storage = new TaskHubStorage(options, Statistics);
        _payloads = new PayloadStore(new LargePayloadStore(_storage.LargeMessages, Statistics));
        _history = new HistoryStore(_storage.History, _payloads, Statistics, _faults);
        _queuedSends = new QueuedSends(_options.PartitionCount);
        _instances = new InstanceStore(_storage.Instances, _payloads, Statistics);
    }

    /// <inheritdoc/>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Counts of the storage operations this backend made.</summary>
    public StorageStatistics Statistics { get; } = new();

    /// <summary>The partitions (control queue indexes) this backend owns now.</summary>
    public IReadOnlyCollection<int> OwnedPartitions => [.. _owned.Keys.Order()];

    /// <summary>The options the backend runs with.</summary>
    public AzureStorageBackendOptions Options => _options;

    /// <summary>The partition (control queue index) of an instance.</summary>
    public int PartitionOf(string instanceId) => _storage.PartitionOf(instanceId);

    /// <inheritdoc/>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var work = new List<Task>();
        work.AddRange(_storage.AllTables.Select(t => t.CreateIfNotExistsAsync(cancellationToken)));
        work.AddRange(_storage.AllQueues.Select(q => q.CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.Add(_storage.LargeMessages.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(work).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        var work = new List<Task>();
        work.AddRange(_storage.AllTables.Select(t => t.DeleteAsync(cancellationToken)));
        work.AddRange(_storage.AllQueues.Select(q => q.DeleteIfExistsAsync(cancellationToken)));
        work.Add(_storage.LargeMessages.DeleteIfExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(work).ConfigureAwait(false);
        _cache.Clear();
    }

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _stopping = new CancellationTokenSource();
        _timerLoop = Task.Run(() => RunTimerDispatcherAsync(_stopping.Token), CancellationToken.None);
        _workItemReader = Task.Run(() => RunWorkItemQueueReaderAsync(_stopping.Token), CancellationToken.None);
        await BalancePartitionsAsync(cancellationToken).ConfigureAwait(false);
        _leaseLoop = Task.Run(() => RunLeaseLoopAsync(_stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await AwaitQuietlyAsync(_leaseLoop).ConfigureAwait(false);
        await Task.WhenAll(_owned.Keys.ToList().Select(p => ReleasePartitionAsync(p, drain: true, cancellationToken))).ConfigureAwait(false);
        await DeleteWorkerRowAsync(cancellationToken).ConfigureAwait(false);
        await AwaitQuietlyAsync(_timerLoop).ConfigureAwait(false);
        await AwaitQuietlyAsync(_workItemReader).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops every background loop the way a killed process stops: nothing is released, deleted or
    /// made visible, so other hosts must wait for leases and message visibility to expire. For tests.
    /// </summary>
    internal async Task SimulateProcessKillAsync()
    {
        _started = false;
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var partition in _owned.Values)
        {
            await partition.Cancellation.CancelAsync().ConfigureAwait(false);
        }

        await AwaitQuietlyAsync(_leaseLoop).ConfigureAwait(false);
        await AwaitQuietlyAsync(_timerLoop).ConfigureAwait(false);
        await AwaitQuietlyAsync(_workItemReader).ConfigureAwait(false);
        await Task.WhenAll(_owned.Values.Select(p => AwaitQuietlyAsync(p.ReceiveLoop))).ConfigureAwait(false);
        _owned.Clear();
        _localActivities.Clear();
        lock (_gate)
        {
            _inboxes.Clear();
        }

        _cache.Clear();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static async Task AwaitQuietlyAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: cancellation is the expected way out.
        }
    }

    private TimeSpan Backoff(long failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 20);
        var delay = _options.RetryBackoff * Math.Pow(2, exponent);
        return delay > _options.MaxRetryBackoff ? _options.MaxRetryBackoff : delay;
    }

    /// <summary>The resource is gone, or a queue message was received again since (its receipt changed).</summary>
    private static bool IsNotFound(RequestFailedException ex) =>
        ex.Status == 404 || (ex.Status == 400 && ex.ErrorCode == "PopReceiptMismatch");
}
