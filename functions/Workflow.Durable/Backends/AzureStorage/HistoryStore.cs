using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// The <c>{hub}History</c> table: one partition per instance holding event rows, one <c>sentinel</c> row
/// whose ETag guards every commit, and outbox rows holding the outgoing messages of the last committed
/// turn until they are known to be sent. An event row holds a run of consecutive events of one turn
/// (<c>Data</c> is their JSON array, <c>EventCount</c> how many); its row key is the zero-padded sequence
/// of its first event. Packing a turn's events into as few rows as fit inline keeps the commits small
/// (a turn is usually one event row and the sentinel) and the table a third of the size of one row per event.
/// </summary>
internal sealed class HistoryStore(TableClient table, PayloadStore payloads, StorageStatistics statistics, IFaultInjector faults)
{
    public const string SentinelRowKey = "sentinel";
    public const int MaxTransactionActions = 100;
    public const int MaxTransactionBytes = 3_500_000; // below the 4 MB limit, for the request's framing
    private const string OutboxPrefix = "outbox-";
    private const string EventCountColumn = "EventCount";

    public static string EventRowKey(long sequence) => sequence.ToString("D16", CultureInfo.InvariantCulture);

    private static string OutboxRowKey(int index) => OutboxPrefix + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Reads an instance's partition in one query: sentinel, current events and pending outbox.</summary>
    public async Task<InstanceSnapshot> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var page in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            statistics.Count(StorageOperation.TableRead);
            rows.AddRange(page.Values);
        }

        var snapshot = new InstanceSnapshot { InstanceId = instanceId };
        var sentinel = rows.FirstOrDefault(r => r.RowKey == SentinelRowKey);
        if (sentinel is null)
        {
            return snapshot;
        }

        snapshot.ETag = sentinel.ETag;
        snapshot.Base = sentinel.GetInt64("Base") ?? 0;
        var count = sentinel.GetInt32("Count") ?? 0;
        snapshot.OutboxRows = sentinel.GetInt32("OutboxRows") ?? 0;
        var stateJson = await payloads.GetAsync(sentinel, "State", snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);
        snapshot.State = stateJson is null ? null : StorageJson.Deserialize<OrchestrationState>(stateJson);

        // Walk the committed rows from the execution's first event: each row says how many events it holds.
        // Rows at other keys (left by a split commit that never finished) are not on the walk and are ignored.
        var byKey = rows.Where(r => char.IsAsciiDigit(r.RowKey[0])).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        var eventRows = new List<TableEntity>();
        for (var next = snapshot.Base; next < snapshot.Base + count;)
        {
            if (!byKey.TryGetValue(EventRowKey(next), out var row))
            {
                throw new InvalidOperationException($"The history of '{instanceId}' has no row for event {next}; its sentinel says {count} events from {snapshot.Base}.");
            }

            eventRows.Add(row);
            next += Math.Max(1, row.GetInt32(EventCountColumn) ?? 1);
        }

        var data = await Task.WhenAll(eventRows.Select(r => payloads.GetAsync(r, "Data", snapshot.KnownBlobs, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < eventRows.Count; i++)
        {
            // A row without a count holds one event as a JSON object (the layout before rows held runs of events).
            if (eventRows[i].GetInt32(EventCountColumn) is null)
            {
                snapshot.History.Add(StorageJson.Deserialize<HistoryEvent>(data[i]!));
            }
            else
            {
                snapshot.History.AddRange(StorageJson.Deserialize<List<HistoryEvent>>(data[i]!));
            }
        }

        if (snapshot.History.Count != count)
        {
            throw new InvalidOperationException($"The history of '{instanceId}' has {snapshot.History.Count} events in its rows; its sentinel says {count}.");
        }

        snapshot.TrackActivities(snapshot.History);
        snapshot.ActivityMarker = snapshot.HasOutstandingActivities;

        for (var i = 0; i < snapshot.OutboxRows; i++)
        {
            var row = rows.FirstOrDefault(r => r.RowKey == OutboxRowKey(i));
            if (row is null)
            {
                continue;
            }

            var json = await payloads.GetAsync(row, "Data", snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);
            snapshot.UnsentOutbox.AddRange(StorageJson.Deserialize<List<OutboxItem>>(json!));
        }

        return snapshot;
    }

    /// <summary>
    /// Commits a turn: new event rows, the outbox and the sentinel, guarded by the sentinel's ETag.
    /// When it does not fit one entity-group transaction it is split; every part updates the sentinel
    /// under the ETag the previous part returned, so no other writer can interleave, and only the
    /// last part moves the sentinel's event count, so readers never see a partial turn.
    /// On success <paramref name="snapshot"/> is updated to the committed state.
    /// </summary>
    public async Task CommitAsync(InstanceSnapshot snapshot, OrchestrationCommit commit, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        var id = snapshot.InstanceId;
        var newBase = commit.NewExecution ? snapshot.Base + snapshot.History.Count : snapshot.Base;
        var firstSequence = commit.NewExecution ? newBase : snapshot.Base + snapshot.History.Count;
        var newCount = commit.NewExecution ? commit.NewEvents.Count : snapshot.History.Count + commit.NewEvents.Count;

        var actions = new List<TableTransactionAction>();
        foreach (var run in PackEvents(commit.NewEvents))
        {
            var row = new TableEntity(id, EventRowKey(firstSequence + run.Offset))
            {
                [EventCountColumn] = run.Count,
                ["ExecutionId"] = commit.State.ExecutionId,
            };
            await payloads.SetAsync(row, "Data", run.Json, id, LargePayloadStore.MaxInlineTableChars, snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        }

        // The outbox: rows of outgoing items, each row's JSON kept under the inline limit.
        var outboxRows = 0;
        foreach (var chunk in ChunkOutbox(outbox))
        {
            var row = new TableEntity(id, OutboxRowKey(outboxRows++));
            await payloads.SetAsync(row, "Data", StorageJson.Serialize(chunk), id, LargePayloadStore.MaxInlineTableChars, snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
        }

        for (var i = outboxRows; i < snapshot.OutboxRows; i++)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, OutboxRowKey(i)), ETag.All));
        }

        var sentinel = new TableEntity(id, SentinelRowKey)
        {
            ["ExecutionId"] = commit.State.ExecutionId,
            ["Base"] = newBase,
            ["Count"] = newCount,
            ["OutboxRows"] = outboxRows,
            ["LastUpdatedTime"] = commit.State.LastUpdatedAt,
        };
        await payloads.SetAsync(sentinel, "State", StorageJson.Serialize(commit.State), id, LargePayloadStore.MaxInlineTableChars, snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);

        var batches = Split(actions, EntitySize(sentinel));
        var etag = snapshot.ETag;
        for (var b = 0; b < batches.Count; b++)
        {
            var last = b == batches.Count - 1;
            var batch = new List<TableTransactionAction>(batches[b].Count + 1);
            TableEntity head;
            if (last)
            {
                head = sentinel;
            }
            else
            {
                // A non-final part only marks the sentinel, which changes its ETag and keeps the chain exclusive.
                head = new TableEntity(id, SentinelRowKey) { ["PartialCommit"] = b + 1 };
                if (etag is null)
                {
                    head["Base"] = snapshot.Base;
                    head["Count"] = 0;
                }
            }

            batch.Add(etag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, head)
                : new TableTransactionAction(last ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge, head, etag.Value));
            batch.AddRange(batches[b]);
            etag = await SubmitAsync(id, batch, cancellationToken).ConfigureAwait(false);
            if (!last)
            {
                faults.OnStep(FaultPoint.CommitPartlyWritten, id);
            }
        }

        snapshot.ETag = etag;
        snapshot.Base = newBase;
        if (commit.NewExecution)
        {
            snapshot.History.Clear();
            snapshot.OutstandingActivities.Clear();
        }

        snapshot.History.AddRange(commit.NewEvents);
        snapshot.TrackActivities(commit.NewEvents);
        snapshot.State = commit.State;
        snapshot.OutboxRows = outboxRows;
        snapshot.UnsentOutbox.Clear();
        statistics.TurnCommitted();
    }

    /// <summary>Removes the outbox rows once their messages are sent (used after a cold load found some).</summary>
    public async Task ClearOutboxAsync(InstanceSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.ETag is null || snapshot.OutboxRows == 0)
        {
            return;
        }

        var batch = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateMerge, new TableEntity(snapshot.InstanceId, SentinelRowKey) { ["OutboxRows"] = 0 }, snapshot.ETag.Value),
        };
        for (var i = 0; i < snapshot.OutboxRows; i++)
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(snapshot.InstanceId, OutboxRowKey(i)), ETag.All));
        }

        snapshot.ETag = await SubmitAsync(snapshot.InstanceId, batch, cancellationToken).ConfigureAwait(false);
        snapshot.OutboxRows = 0;
        snapshot.UnsentOutbox.Clear();
    }

    /// <summary>Deletes every row of an instance's partition; returns whether there were any.</summary>
    public async Task<bool> DeleteAllAsync(string instanceId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var page in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"], cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            statistics.Count(StorageOperation.TableRead);
            keys.AddRange(page.Values.Select(r => r.RowKey));
        }

        foreach (var chunk in keys.Chunk(MaxTransactionActions))
        {
            var batch = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All)).ToList();
            statistics.Transaction(batch.Count);
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return keys.Count > 0;
    }

    private async Task<ETag> SubmitAsync(string instanceId, List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > MaxTransactionActions)
        {
            throw new InvalidOperationException($"A transaction of {batch.Count} actions exceeds the limit of {MaxTransactionActions}.");
        }

        statistics.Transaction(batch.Count);
        try
        {
            var response = await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            return response.Value[0].Headers.ETag ?? throw new InvalidOperationException("The storage service returned no ETag for the sentinel.");
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new InstanceLockLostException(instanceId, $"the history changed underneath (status {ex.Status}).");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new InstanceLockLostException(instanceId, $"the history changed underneath (status {ex.Status}).");
        }
    }

    private static List<List<TableTransactionAction>> Split(List<TableTransactionAction> actions, int headBytes)
    {
        var batches = new List<List<TableTransactionAction>>();
        var current = new List<TableTransactionAction>();
        var bytes = headBytes;
        foreach (var action in actions)
        {
            var size = EntitySize(action.Entity);
            if (current.Count > 0 && (current.Count + 1 >= MaxTransactionActions || bytes + size > MaxTransactionBytes))
            {
                batches.Add(current);
                current = [];
                bytes = headBytes;
            }

            current.Add(action);
            bytes += size;
        }

        batches.Add(current);
        return batches;
    }

    /// <summary>An upper estimate of an entity's size in a transaction's body.</summary>
    private static int EntitySize(ITableEntity entity)
    {
        var size = 512;
        if (entity is TableEntity table)
        {
            foreach (var (key, value) in table)
            {
                size += 64 + key.Length + (value is string s ? Encoding.UTF8.GetByteCount(s) * 6 / 5 : 32);
            }
        }

        return size;
    }

    /// <summary>
    /// Packs consecutive events into runs whose JSON array fits inline in a row; an event too large for
    /// that on its own gets a run (and a row whose data goes to a blob) of its own.
    /// </summary>
    internal static IEnumerable<EventRun> PackEvents(IReadOnlyList<HistoryEvent> events)
    {
        var json = new StringBuilder();
        var start = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var one = StorageJson.Serialize(events[i]);
            if (json.Length > 0 && json.Length + one.Length + 2 > LargePayloadStore.MaxInlineTableChars)
            {
                yield return new EventRun(start, i - start, json.Append(']').ToString());
                json.Clear();
                start = i;
            }

            json.Append(json.Length == 0 ? '[' : ',').Append(one);
        }

        if (json.Length > 0)
        {
            yield return new EventRun(start, events.Count - start, json.Append(']').ToString());
        }
    }

    private static IEnumerable<List<OutboxItem>> ChunkOutbox(IReadOnlyList<OutboxItem> outbox)
    {
        // Ten items a row keeps most rows inline; larger rows go to a blob through the payload store.
        foreach (var chunk in outbox.Chunk(10))
        {
            yield return [.. chunk];
        }
    }
}

/// <summary>A run of a turn's events stored in one row: the first event's offset in the turn, how many, their JSON array.</summary>
internal readonly record struct EventRun(int Offset, int Count, string Json);
