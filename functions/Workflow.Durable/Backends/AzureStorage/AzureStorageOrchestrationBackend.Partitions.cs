using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>Partition ownership: ETag-guarded leases, balancing over live hosts, and the control-queue readers.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private const string LeasePartitionKey = "lease";
    private const string WorkerPartitionKey = "worker";
    private const int ReceiveBatch = 32;
    // Local sends wake readers at once, so an idle reader can start its back-off at a calm pace.
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentDictionary<int, OwnedPartition> _owned = new();
    private readonly SemaphoreSlim _balanceGate = new(1, 1);

    private async Task RunLeaseLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.LeaseRenewInterval, cancellationToken).ConfigureAwait(false);
            try
            {
                await BalancePartitionsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed round must not end the loop: the leases would lapse while we hold work.
                Logs.StorageRetry(_logger, "lease balance", ex);
            }
        }
    }

    /// <summary>Renews owned leases, then releases or acquires partitions to hold a fair share of the live hosts'.</summary>
    private async Task BalancePartitionsAsync(CancellationToken cancellationToken)
    {
        await _balanceGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _options.TimeProvider.GetUtcNow();
            var expires = now + _options.LeaseDuration;
            Statistics.Count(StorageOperation.TableWrite);
            await _storage.Partitions.UpsertEntityAsync(
                new TableEntity(WorkerPartitionKey, _options.WorkerId) { ["ExpiresAt"] = expires },
                TableUpdateMode.Replace,
                cancellationToken).ConfigureAwait(false);

            var rows = new List<TableEntity>();
            await foreach (var page in _storage.Partitions.QueryAsync<TableEntity>(cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                Statistics.Count(StorageOperation.TableRead);
                rows.AddRange(page.Values);
            }

            var liveWorkers = rows.Count(r => r.PartitionKey == WorkerPartitionKey && (r.RowKey == _options.WorkerId || r.GetDateTimeOffset("ExpiresAt") > now));
            var target = (int)Math.Ceiling(_options.PartitionCount / (double)Math.Max(1, liveWorkers));
            var leases = rows.Where(r => r.PartitionKey == LeasePartitionKey).ToDictionary(r => r.RowKey, StringComparer.Ordinal);

            // Renew what we hold; a failed renewal means another host took the partition.
            foreach (var partition in _owned.Values.ToList())
            {
                var lease = new TableEntity(LeasePartitionKey, TaskHubStorage.PartitionName(partition.Index)) { ["Owner"] = _options.WorkerId, ["ExpiresAt"] = expires };
                try
                {
                    Statistics.Count(StorageOperation.TableWrite);
                    var response = await _storage.Partitions.UpdateEntityAsync(lease, partition.LeaseETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    partition.LeaseETag = response.Headers.ETag ?? ETag.All;
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    Logs.PartitionLost(_logger, _options.WorkerId, TaskHubStorage.PartitionName(partition.Index), _options.TaskHubName);
                    await ReleasePartitionAsync(partition.Index, drain: false, cancellationToken).ConfigureAwait(false);
                }
            }

            // Hand extra partitions over so a joining host gets its share.
            foreach (var extra in _owned.Keys.Order().Skip(target).ToList())
            {
                await ReleasePartitionAsync(extra, drain: true, cancellationToken).ConfigureAwait(false);
            }

            for (var i = 0; i < _options.PartitionCount && _owned.Count < target; i++)
            {
                if (_owned.ContainsKey(i))
                {
                    continue;
                }

                var name = TaskHubStorage.PartitionName(i);
                leases.TryGetValue(name, out var existing);
                var free = existing is null || string.IsNullOrEmpty(existing.GetString("Owner")) || existing.GetDateTimeOffset("ExpiresAt") <= now;
                if (free)
                {
                    await TryAcquireAsync(i, existing, expires, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _balanceGate.Release();
        }
    }

    private async Task TryAcquireAsync(int index, TableEntity? existing, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var lease = new TableEntity(LeasePartitionKey, TaskHubStorage.PartitionName(index)) { ["Owner"] = _options.WorkerId, ["ExpiresAt"] = expires };
        ETag etag;
        try
        {
            Statistics.Count(StorageOperation.TableWrite);
            var response = existing is null
                ? await _storage.Partitions.AddEntityAsync(lease, cancellationToken).ConfigureAwait(false)
                : await _storage.Partitions.UpdateEntityAsync(lease, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            etag = response.Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return; // another host was quicker
        }

        var partition = new OwnedPartition(index, etag);
        _owned[index] = partition;
        Logs.PartitionAcquired(_logger, _options.WorkerId, TaskHubStorage.PartitionName(index), _options.TaskHubName);
        await LoadTimersAsync(index, cancellationToken).ConfigureAwait(false);
        partition.ReceiveLoop = Task.Run(() => RunReceiveLoopAsync(partition, partition.Cancellation.Token), CancellationToken.None);
    }

    /// <summary>
    /// Stops reading a partition. With <paramref name="drain"/> it waits for its locked work items,
    /// makes the messages it held visible again and frees the lease so the next owner starts at once.
    /// </summary>
    private async Task ReleasePartitionAsync(int index, bool drain, CancellationToken cancellationToken)
    {
        if (!_owned.TryGetValue(index, out var partition))
        {
            return;
        }

        partition.Releasing = true;
        await partition.Cancellation.CancelAsync().ConfigureAwait(false);
        await AwaitQuietlyAsync(partition.ReceiveLoop).ConfigureAwait(false);
        if (drain)
        {
            // Pacing, not a clock reading: measured in real time so a frozen test clock cannot stall a stop.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (AnyLocked(index) && waited.Elapsed < _options.DrainTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None).ConfigureAwait(false);
            }
        }

        _owned.TryRemove(index, out _);
        var held = DropPartitionInboxes(index);
        foreach (var handle in held)
        {
            // Whoever receives it next counts its attempts from the queue's dequeue count.
            _handedOver.TryRemove(handle.MessageId, out _);
        }

        RemovePartitionTimers(index);
        if (!drain)
        {
            return;
        }

        var queue = _storage.ControlQueues[index];
        await Task.WhenAll(held.Select(async h =>
        {
            try
            {
                Statistics.Count(StorageOperation.QueueUpdate);
                await queue.UpdateMessageAsync(h.MessageId, h.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (IsNotFound(ex))
            {
                // Already deleted or received again elsewhere.
            }
        })).ConfigureAwait(false);

        try
        {
            Statistics.Count(StorageOperation.TableWrite);
            var free = new TableEntity(LeasePartitionKey, TaskHubStorage.PartitionName(index)) { ["Owner"] = string.Empty, ["ExpiresAt"] = DateTimeOffset.UnixEpoch };
            await _storage.Partitions.UpdateEntityAsync(free, partition.LeaseETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            Logs.PartitionReleased(_logger, _options.WorkerId, TaskHubStorage.PartitionName(index), _options.TaskHubName);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Someone took it already: nothing to hand over.
        }
    }

    private async Task DeleteWorkerRowAsync(CancellationToken cancellationToken)
    {
        try
        {
            Statistics.Count(StorageOperation.TableWrite);
            await _storage.Partitions.DeleteEntityAsync(WorkerPartitionKey, _options.WorkerId, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Never written.
        }
    }

    /// <summary>Reads a control queue in batches, backing off while it is empty; a local send wakes it.</summary>
    private async Task RunReceiveLoopAsync(OwnedPartition partition, CancellationToken cancellationToken)
    {
        var queue = _storage.ControlQueues[partition.Index];
        var idle = TimeSpan.Zero;
        var queuedBefore = 0L;
        while (!cancellationToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                if (idle > TimeSpan.Zero && !partition.Wake.IsSet)
                {
                    await Task.WhenAny(Task.Delay(idle, cancellationToken), partition.Wake.Reset()).ConfigureAwait(false);
                }

                _ = partition.Wake.Reset();
                queuedBefore = _queuedSends.Read(partition.Index);
                Statistics.Count(StorageOperation.QueueReceive);
                messages = (await queue.ReceiveMessagesAsync(ReceiveBatch, _options.ControlMessageVisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
                if (messages.Length == 0)
                {
                    partition.DrainedThrough = queuedBefore;
                    idle = idle == TimeSpan.Zero ? MinPollingInterval : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
                    continue;
                }
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Stopping: a receive cut short (the SDK may report it with the retries' failures) ends the reader.
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or IOException)
            {
                // The SDK gives up after its retries with either a RequestFailedException or an AggregateException
                // of the attempts' failures; the reader must outlive both, or the partition would go unread.
                Logs.StorageRetry(_logger, "control queue receive", ex);
                await Task.Delay(_options.MaxPollingInterval, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // A partial batch means the queue is drained: wait for a wake or the shortest pause before asking again.
            idle = messages.Length < ReceiveBatch ? MinPollingInterval : TimeSpan.Zero;
            foreach (var message in messages)
            {
                try
                {
                    await AcceptControlMessageAsync(partition, message, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The message stays invisible and comes back after its visibility timeout.
                    Logs.StorageRetry(_logger, "accept control message", ex);
                }
            }

            if (messages.Length < ReceiveBatch)
            {
                // Everything this process queued before the receive began is held now.
                partition.DrainedThrough = queuedBefore;
            }
        }
    }

    private async Task AcceptControlMessageAsync(OwnedPartition partition, QueueMessage received, CancellationToken cancellationToken)
    {
        var queue = _storage.ControlQueues[partition.Index];
        var handle = new QueueHandle(partition.Index, received.MessageId, received.PopReceipt);
        // A message first handed over in process was attempted once before any receive counted it.
        var attempts = received.DequeueCount + (_handedOver.ContainsKey(received.MessageId) ? 1 : 0);
        if (attempts > _options.MaxDequeueCount)
        {
            await PoisonAsync(queue, received, "?", cancellationToken).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<Backend.TaskMessage> messages;
        try
        {
            messages = await QueueEnvelope.DecodeAsync(received.MessageText, _payloads, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or RequestFailedException or NotSupportedException)
        {
            _lastErrors[received.MessageId] = "Unreadable message: " + ex.Message;
            await PoisonAsync(queue, received, "?", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Not held only if the partition is being released: the message comes back after its visibility timeout.
        _ = await DeliverAsync(partition.Index, handle, messages, (int)Math.Max(0, attempts - 1), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Holds a queue message's task messages for their instance; those due later become timer rows of the
    /// partition, and a queue message with nothing due now is deleted once they are stored.
    /// </summary>
    private async Task<bool> DeliverAsync(int partition, QueueHandle handle, IReadOnlyList<Backend.TaskMessage> messages, int deliveries, CancellationToken cancellationToken)
    {
        var now = _options.TimeProvider.GetUtcNow().UtcDateTime;
        var due = new List<InboxMessage>(messages.Count);
        var future = new List<Backend.TaskMessage>();
        foreach (var message in messages)
        {
            if (message.DeliverAt is { } at && at > now)
            {
                future.Add(message);
            }
            else
            {
                due.Add(new InboxMessage(message with { DequeueCount = deliveries }, handle, null));
            }
        }

        if (future.Count > 0)
        {
            // Future messages become timer rows of their partition; the queue message leaves once the rest is applied.
            await StoreTimersAsync(partition, future, cancellationToken).ConfigureAwait(false);
        }

        if (due.Count == 0)
        {
            await DeleteQueueMessageAsync(handle, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return AddToInbox(partition, due);
    }

    private async Task PoisonAsync(Azure.Storage.Queues.QueueClient queue, QueueMessage received, string instanceId, CancellationToken cancellationToken)
    {
        var error = _lastErrors.TryRemove(received.MessageId, out var e) ? e : $"Delivered {received.DequeueCount} times without completing.";
        var record = StorageJson.Serialize(new PoisonRecord(queue.Name, received.MessageId, received.DequeueCount, error, _options.TimeProvider.GetUtcNow(), received.MessageText));
        if (record.Length > LargePayloadStore.MaxInlineQueueChars)
        {
            record = StorageJson.Serialize(new PoisonRecord(queue.Name, received.MessageId, received.DequeueCount, error, _options.TimeProvider.GetUtcNow(), null));
        }

        Statistics.Count(StorageOperation.QueueSend);
        await _storage.Poison.SendMessageAsync(record, cancellationToken).ConfigureAwait(false);
        Logs.MessagePoisoned(_logger, received.MessageId, instanceId, received.DequeueCount, error);
        try
        {
            Statistics.Count(StorageOperation.QueueDelete);
            await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken).ConfigureAwait(false);
            _handedOver.TryRemove(received.MessageId, out _);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Gone already.
        }
    }

    private async Task DeleteQueueMessageAsync(QueueHandle handle, CancellationToken cancellationToken)
    {
        try
        {
            Statistics.Count(StorageOperation.QueueDelete);
            await _storage.ControlQueues[handle.Partition].DeleteMessageAsync(handle.MessageId, handle.PopReceipt, cancellationToken).ConfigureAwait(false);
            _handedOver.TryRemove(handle.MessageId, out _);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Deleted already, or received again with a new receipt: that copy is a duplicate the worker discards.
        }
    }

    /// <summary>A partition this backend owns: its lease ETag and its control-queue reader.</summary>
    private sealed class OwnedPartition(int index, ETag leaseETag)
    {
        public int Index { get; } = index;

        public ETag LeaseETag { get; set; } = leaseETag;

        public CancellationTokenSource Cancellation { get; } = new();

        public Task ReceiveLoop { get; set; } = Task.CompletedTask;

        public WakeSignal Wake { get; } = new();

        /// <summary>Being handed over: no new work items start on it.</summary>
        public bool Releasing { get; set; }

        /// <summary>How many of this process's queued sends to the partition its reader has drained (see <see cref="QueuedSends"/>).</summary>
        public long DrainedThrough
        {
            get => Volatile.Read(ref _drainedThrough);
            set => Volatile.Write(ref _drainedThrough, value);
        }

        private long _drainedThrough = -1;

        /// <summary>Whether every message this process sent to the partition through the queue has been received.</summary>
        public bool CaughtUp(QueuedSends sends) => DrainedThrough >= sends.Read(Index);
    }
}

/// <summary>What the poison queue holds for a message moved aside.</summary>
internal sealed record PoisonRecord(string Queue, string MessageId, long DequeueCount, string Error, DateTimeOffset MovedAt, string? MessageText);

/// <summary>An awaitable flag a sender sets to cut a reader's idle back-off short.</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Arms the signal and returns the task the next <see cref="Set"/> completes.</summary>
    public Task Reset()
    {
        var current = Volatile.Read(ref _source);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _source, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }

        return Volatile.Read(ref _source).Task;
    }

    public bool IsSet => Volatile.Read(ref _source).Task.IsCompleted;

    public void Set() => Volatile.Read(ref _source).TrySetResult();
}

/// <summary>
/// Per partition, how many control messages this process has sent through the queue (not handed over),
/// counted once each send has returned: a receive that starts after the count was read finds them all.
/// </summary>
internal sealed class QueuedSends(int partitions)
{
    private readonly long[] _counts = new long[partitions];

    public void Increment(int partition) => Interlocked.Increment(ref _counts[partition]);

    public long Read(int partition) => Interlocked.Read(ref _counts[partition]);
}
