using System.Collections.Concurrent;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>The kinds of storage operations the backend counts.</summary>
public enum StorageOperation
{
    /// <summary>A table point read or query page.</summary>
    TableRead,

    /// <summary>A single-entity table write (insert, upsert, update, delete).</summary>
    TableWrite,

    /// <summary>An entity-group transaction.</summary>
    TableTransaction,

    /// <summary>A queue message sent.</summary>
    QueueSend,

    /// <summary>A queue receive call.</summary>
    QueueReceive,

    /// <summary>A queue message deleted.</summary>
    QueueDelete,

    /// <summary>A queue message's visibility changed.</summary>
    QueueUpdate,

    /// <summary>A blob uploaded.</summary>
    BlobUpload,

    /// <summary>A blob downloaded.</summary>
    BlobDownload,

    /// <summary>A blob deleted or listed.</summary>
    BlobOther,
}

/// <summary>Counts the storage operations a backend made, for benchmarks and tests. Thread-safe.</summary>
public sealed class StorageStatistics
{
    private readonly ConcurrentDictionary<StorageOperation, long> _counts = new();
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private long _requestTotal;
    private long _largestTransaction;
    private long _turnsCommitted;

    /// <summary>Operations made so far, by kind.</summary>
    public IReadOnlyDictionary<StorageOperation, long> Counts => new Dictionary<StorageOperation, long>(_counts);

    /// <summary>All operations made so far.</summary>
    public long Total => _counts.Values.Sum();

    /// <summary>The most actions any entity-group transaction held.</summary>
    public long LargestTransaction => Interlocked.Read(ref _largestTransaction);

    /// <summary>Orchestration turns committed.</summary>
    public long TurnsCommitted => Interlocked.Read(ref _turnsCommitted);

    /// <summary>
    /// HTTP requests the storage clients sent so far (retries included), by service and method
    /// (for example <c>table POST</c>, <c>queue GET</c>), counted in the clients' pipeline.
    /// </summary>
    public IReadOnlyDictionary<string, long> Requests => new Dictionary<string, long>(_requests, StringComparer.Ordinal);

    /// <summary>All HTTP requests the storage clients sent so far.</summary>
    public long RequestTotal => Interlocked.Read(ref _requestTotal);

    /// <summary>Operations of one kind made so far.</summary>
    public long this[StorageOperation operation] => _counts.TryGetValue(operation, out var count) ? count : 0;

    internal void Count(StorageOperation operation, long count = 1) => _counts.AddOrUpdate(operation, count, (_, c) => c + count);

    internal void Transaction(int actions)
    {
        Count(StorageOperation.TableTransaction);
        long seen;
        while (actions > (seen = Interlocked.Read(ref _largestTransaction)) &&
               Interlocked.CompareExchange(ref _largestTransaction, actions, seen) != seen)
        {
        }
    }

    internal void Request(string kind)
    {
        Interlocked.Increment(ref _requestTotal);
        _requests.AddOrUpdate(kind, 1, (_, c) => c + 1);
    }

    internal void TurnCommitted() => Interlocked.Increment(ref _turnsCommitted);
}
