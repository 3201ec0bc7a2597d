using System.Text;
using Azure;
using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// Durable timers: rows in <c>{hub}Timers</c> (partition key = control partition), and on the owner an
/// in-memory schedule that wakes exactly at the next due time (read from the TimeProvider) and moves
/// the due message into the instance's inbox. Nothing is delivered before its time.
/// </summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private readonly PriorityQueue<ScheduledTimer, DateTime> _timers = new();
    private readonly HashSet<string> _armedTimers = new(StringComparer.Ordinal);
    private readonly WakeSignal _timerWake = new();

    /// <summary>How many timers this backend holds in its schedule (for tests and diagnostics).</summary>
    public int ScheduledTimerCount
    {
        get
        {
            lock (_timers)
            {
                return _armedTimers.Count;
            }
        }
    }

    private static string TimerRowKey(TaskMessage message) => Sanitize(message.InstanceId) + "|" + Sanitize(message.MessageId);

    private static string Sanitize(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            builder.Append(c is '/' or '\\' or '#' or '?' or '|' || char.IsControl(c) ? '_' : c);
        }

        return builder.ToString();
    }

    private Task StoreTimerAsync(int partition, TaskMessage message, CancellationToken cancellationToken) =>
        StoreTimersAsync(partition, [message], cancellationToken);

    /// <summary>Writes timer rows of one partition, up to 100 per entity-group transaction, then arms them.</summary>
    private async Task StoreTimersAsync(int partition, List<TaskMessage> messages, CancellationToken cancellationToken)
    {
        var rows = new List<(TableEntity Row, DateTime Due, TaskMessage Message)>(messages.Count);
        foreach (var message in messages.DistinctBy(TimerRowKey))
        {
            var due = message.DeliverAt ?? _options.TimeProvider.GetUtcNow().UtcDateTime;
            var row = new TableEntity(TaskHubStorage.PartitionName(partition), TimerRowKey(message))
            {
                ["DueTime"] = new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)),
                ["InstanceId"] = message.InstanceId,
                ["TimerId"] = message.Event is TimerFiredEvent fired ? fired.TimerId : -1,
            };
            await _payloads.SetAsync(row, "Message", StorageJson.Serialize(message with { DequeueCount = 0 }), message.InstanceId, LargePayloadStore.MaxInlineTableChars, null, cancellationToken).ConfigureAwait(false);
            rows.Add((row, due, message));
        }

        // Inline messages are at most 16K characters, so 100 rows stay under the 4 MB transaction limit.
        foreach (var chunk in rows.Chunk(HistoryStore.MaxTransactionActions))
        {
            if (chunk.Length == 1)
            {
                Statistics.Count(StorageOperation.TableWrite);
                await _storage.Timers.UpsertEntityAsync(chunk[0].Row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Statistics.Transaction(chunk.Length);
                await _storage.Timers.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r.Row)), cancellationToken).ConfigureAwait(false);
            }
        }

        if (_owned.ContainsKey(partition))
        {
            foreach (var (row, due, message) in rows)
            {
                Schedule(new ScheduledTimer(partition, row.RowKey, due, message));
            }
        }
    }

    /// <summary>Loads a newly acquired partition's timers into the schedule and recovers the instances its activity markers name.</summary>
    private async Task LoadTimersAsync(int partition, CancellationToken cancellationToken)
    {
        var name = TaskHubStorage.PartitionName(partition);
        var marked = new List<string>();
        await foreach (var page in _storage.Timers.QueryAsync<TableEntity>(e => e.PartitionKey == name, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            Statistics.Count(StorageOperation.TableRead);
            foreach (var row in page.Values)
            {
                if (IsActivityMarker(row))
                {
                    marked.Add(row.GetString("InstanceId")!);
                    continue;
                }

                var json = await _payloads.GetAsync(row, "Message", null, cancellationToken).ConfigureAwait(false);
                var message = StorageJson.Deserialize<TaskMessage>(json!);
                var due = row.GetDateTimeOffset("DueTime")?.UtcDateTime ?? message.DeliverAt ?? DateTime.MinValue;
                Schedule(new ScheduledTimer(partition, row.RowKey, due, message));
            }
        }

        if (marked.Count > 0 && _owned.TryGetValue(partition, out var owner))
        {
            _ = Task.Run(() => RecoverMarkedAsync(marked, owner.Cancellation.Token), CancellationToken.None);
        }
    }

    private void Schedule(ScheduledTimer timer)
    {
        lock (_timers)
        {
            if (!_armedTimers.Add(timer.RowKey))
            {
                return;
            }

            _timers.Enqueue(timer, timer.DueAt);
        }

        _timerWake.Set();
    }

    private void RemovePartitionTimers(int partition)
    {
        lock (_timers)
        {
            var keep = _timers.UnorderedItems.Where(t => t.Element.Partition != partition).ToList();
            _timers.Clear();
            _armedTimers.Clear();
            foreach (var (timer, due) in keep)
            {
                _timers.Enqueue(timer, due);
                _armedTimers.Add(timer.RowKey);
            }
        }
    }

    private async Task CancelTimerAsync(string instanceId, int timerId, CancellationToken cancellationToken)
    {
        List<ScheduledTimer> cancelled;
        lock (_timers)
        {
            cancelled = [.. _timers.UnorderedItems.Select(t => t.Element)
                .Where(t => t.Message.InstanceId == instanceId && t.Message.Event is TimerFiredEvent f && f.TimerId == timerId)];
            foreach (var timer in cancelled)
            {
                _armedTimers.Remove(timer.RowKey);
            }
        }

        await Task.WhenAll(cancelled.Select(t => DeleteTimerRowAsync(t, cancellationToken))).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes fired timers' rows, up to 100 of a partition per entity-group transaction (an instance whose
    /// thousand timers fire together costs ten requests, not a thousand). A transaction fails whole when
    /// one row is already gone (a timer delivered twice); its rows are then deleted one by one.
    /// </summary>
    private async Task DeleteTimerRowsAsync(List<ScheduledTimer> timers, CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        foreach (var partition in timers.DistinctBy(t => t.RowKey).GroupBy(t => t.Partition))
        {
            foreach (var chunk in partition.Chunk(HistoryStore.MaxTransactionActions))
            {
                work.Add(chunk.Length == 1 ? DeleteTimerRowAsync(chunk[0], cancellationToken) : DeleteTimerChunkAsync(chunk, cancellationToken));
            }
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task DeleteTimerChunkAsync(ScheduledTimer[] chunk, CancellationToken cancellationToken)
    {
        try
        {
            Statistics.Transaction(chunk.Length);
            await _storage.Timers.SubmitTransactionAsync(
                chunk.Select(t => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TaskHubStorage.PartitionName(t.Partition), t.RowKey), ETag.All)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await Task.WhenAll(chunk.Select(t => DeleteTimerRowAsync(t, cancellationToken))).ConfigureAwait(false);
        }
    }

    private async Task DeleteTimerRowAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            Statistics.Count(StorageOperation.TableWrite);
            await _storage.Timers.DeleteEntityAsync(TaskHubStorage.PartitionName(timer.Partition), timer.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Already deleted.
        }
    }

    /// <summary>Sleeps until the earliest timer is due (or a new, earlier one arrives), then delivers every due timer.</summary>
    private async Task RunTimerDispatcherAsync(CancellationToken cancellationToken)
    {
        var clock = _options.TimeProvider;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wake = _timerWake.Reset();
            TimeSpan? wait = null;
            var due = new List<ScheduledTimer>();
            lock (_timers)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                while (_timers.TryPeek(out var next, out var at))
                {
                    if (!_armedTimers.Contains(next.RowKey))
                    {
                        _timers.Dequeue(); // cancelled or dropped
                        continue;
                    }

                    if (at > now)
                    {
                        wait = at - now;
                        break;
                    }

                    _timers.Dequeue();
                    _armedTimers.Remove(next.RowKey);
                    due.Add(next);
                }
            }

            foreach (var timer in due)
            {
                // A partition being handed over keeps its timer rows for the next owner to load.
                _ = AddToInbox(timer.Partition, [new InboxMessage(timer.Message, null, timer)]);
            }

            if (due.Count > 0)
            {
                continue;
            }

            using var sleeping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sleep = wait is { } w ? Task.Delay(w, clock, sleeping.Token) : Task.Delay(Timeout.Infinite, sleeping.Token);
            await Task.WhenAny(sleep, wake).ConfigureAwait(false);
            await sleeping.CancelAsync().ConfigureAwait(false);
        }
    }
}
