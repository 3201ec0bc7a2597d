using Azure;
using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>Orchestration work items: the in-memory inbox per instance, locking, committing and abandoning.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc/>
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        while (true)
        {
            string instanceId;
            try
            {
                instanceId = await _ready.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            List<InboxMessage> taken;
            int partition;
            lock (_gate)
            {
                if (!_inboxes.TryGetValue(instanceId, out var inbox))
                {
                    continue;
                }

                inbox.Queued = false;
                if (inbox.Locked || inbox.Messages.Count == 0 || !_owned.TryGetValue(inbox.Partition, out var owner) || owner.Releasing)
                {
                    continue;
                }

                inbox.Locked = true;
                taken = [.. inbox.Messages];
                partition = inbox.Partition;
            }

            InstanceSnapshot snapshot;
            try
            {
                snapshot = await GetSnapshotAsync(instanceId, taken, cancellationToken).ConfigureAwait(false);
                _faults.OnStep(FaultPoint.OrchestrationLocked, instanceId);
            }
            catch (SimulatedCrashException)
            {
                Forget(instanceId, taken);
                throw;
            }
            catch (Exception ex) when (ex is RequestFailedException or InstanceLockLostException or InvalidOperationException)
            {
                // Could not read the instance: hold the messages and try again shortly.
                Logs.StorageRetry(_logger, "load instance " + instanceId, ex);
                _cache.TryRemove(instanceId, out _);
                _mustLoad.TryAdd(instanceId, 0);
                Unlock(instanceId, [], requeueAfter: _options.RetryBackoff);
                continue;
            }

            return new OrchestrationWorkItem(instanceId, snapshot.State, [.. snapshot.History], [.. taken.Select(m => m.Message)])
            {
                LockToken = new OrchestrationLock(snapshot, taken, partition),
            };
        }
    }

    /// <inheritdoc/>
    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        var token = workItem.LockToken as OrchestrationLock ?? throw new ArgumentException("The work item was not locked by this backend.", nameof(workItem));
        var id = workItem.InstanceId;
        var committed = false;
        try
        {
            _faults.OnStep(FaultPoint.BeforeCommit, id);
            var outbox = BuildOutbox(commit);
            var snapshot = token.Snapshot;

            // A turn that only discarded duplicates changes nothing: skip the writes, keep the ETag.
            var unchanged = commit.NewEvents.Count == 0 && outbox.Count == 0 && !commit.NewExecution &&
                snapshot.ETag is not null && Equals(commit.State, snapshot.State);
            if (!unchanged)
            {
                // The marker must be durable before any committed history has outstanding activities (see LocalActivities).
                if (commit.ActivityMessages.Count > 0 && !snapshot.ActivityMarker && !commit.State.RuntimeStatus.IsTerminal())
                {
                    await WriteActivityMarkerAsync(id, cancellationToken).ConfigureAwait(false);
                    snapshot.ActivityMarker = true;
                }

                var writeInstanceRow = !snapshot.InstanceRowCurrent || snapshot.State is null || !SameForClients(snapshot.State, commit.State);
                // Activity requests need no outbox row: a load re-runs outstanding activities from the history.
                await _history.CommitAsync(snapshot, commit, [.. outbox.Where(o => o.Kind != OutboxKind.Activity)], cancellationToken).ConfigureAwait(false);
                committed = true;
                _mustLoad.TryRemove(id, out _);
                _faults.OnStep(FaultPoint.AfterCommit, id);
                await SendOutboxAsync(snapshot, outbox, writeInstanceRow, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                committed = true;
                _faults.OnStep(FaultPoint.AfterCommit, id);
            }

            _faults.OnStep(FaultPoint.AfterMessagesSent, id);
            var consumed = WithLatestReceipts(id, token.Messages);
            var sources = DistinctSources(consumed).ToList();
            await Task.WhenAll(sources.Where(m => m.Queue is not null).Select(m => DeleteConsumedAsync(m, cancellationToken))
                .Append(DeleteTimerRowsAsync([.. sources.Select(m => m.Timer).OfType<ScheduledTimer>()], cancellationToken))).ConfigureAwait(false);
            _faults.OnStep(FaultPoint.AfterMessagesDeleted, id);
            Unlock(id, consumed, requeueAfter: null);
        }
        catch (SimulatedCrashException)
        {
            Forget(id, token.Messages);
            throw;
        }
        catch (InstanceLockLostException)
        {
            // Nothing committed: another writer moved the history (or an instance taken for new exists). Reload next time; keep the messages.
            _cache.TryRemove(id, out _);
            _mustLoad.TryAdd(id, 0);
            Unlock(id, [], requeueAfter: null);
            throw;
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
        {
            // If the turn was committed its outbox rows are durable: a reload sends them again.
            _cache.TryRemove(id, out _);
            _mustLoad.TryAdd(id, 0);
            if (committed)
            {
                Logs.OutboxSendFailed(_logger, id, ex);
            }

            Unlock(id, [], requeueAfter: _options.RetryBackoff);
            throw;
        }
    }

    /// <inheritdoc/>
    public async Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var token = workItem.LockToken as OrchestrationLock ?? throw new ArgumentException("The work item was not locked by this backend.", nameof(workItem));
        if (failure is null)
        {
            // Not a failure: keep the messages in memory and offer the instance again.
            Unlock(workItem.InstanceId, [], requeueAfter: null);
            return;
        }

        // A failure: hand the queue messages back with an exponential delay; their dequeue count grows
        // with each delivery, and past MaxDequeueCount the receiver moves them to the poison queue.
        Unlock(workItem.InstanceId, token.Messages, requeueAfter: null);
        var error = failure.GetType().FullName + ": " + failure.Message;
        await Task.WhenAll(DistinctSources(token.Messages).Select(async m =>
        {
            if (m.Queue is { } q)
            {
                _lastErrors[q.MessageId] = error;
                try
                {
                    Statistics.Count(StorageOperation.QueueUpdate);
                    await _storage.ControlQueues[q.Partition].UpdateMessageAsync(q.MessageId, q.PopReceipt, visibilityTimeout: Backoff(m.Message.DequeueCount + 1), cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (IsNotFound(ex))
                {
                    // Already gone.
                }
            }
            else if (m.Timer is { } timer)
            {
                // A fired timer is re-armed later, never earlier than it was due.
                Schedule(timer with { DueAt = _options.TimeProvider.GetUtcNow().UtcDateTime + Backoff(1) });
            }
        })).ConfigureAwait(false);
    }

    /// <summary>One entry per queue message: a queue message may carry several task messages.</summary>
    private static IEnumerable<InboxMessage> DistinctSources(IReadOnlyList<InboxMessage> messages) =>
        messages.DistinctBy(m => m.Queue is { } q ? (object)q.MessageId : m);

    /// <summary>
    /// The instance's snapshot: cached from the last turn, or taken for a brand-new instance without
    /// reading (see <see cref="IsFirstDelivery"/>), or loaded from storage, which also sends a committed
    /// turn's unsent messages and re-runs outstanding activities.
    /// </summary>
    private async Task<InstanceSnapshot> GetSnapshotAsync(string instanceId, IReadOnlyList<InboxMessage> taken, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(instanceId, out var cached))
        {
            return cached;
        }

        if (IsFirstDelivery(instanceId, taken))
        {
            // Assumed new: the commit adds the sentinel row, which fails if the instance exists after all;
            // then nothing is written, the instance is marked for a load and its messages are offered again.
            var fresh = new InstanceSnapshot { InstanceId = instanceId };
            _cache[instanceId] = fresh;
            return fresh;
        }

        var snapshot = await _history.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (snapshot.UnsentOutbox.Count > 0 || snapshot.OutboxRows > 0)
        {
            // A previous owner committed a turn and may have died before sending its messages.
            await SendOutboxAsync(snapshot, [.. snapshot.UnsentOutbox], writeInstanceRow: true, cancellationToken).ConfigureAwait(false);
            await _history.ClearOutboxAsync(snapshot, cancellationToken).ConfigureAwait(false);
        }
        else if (snapshot.State is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending } state)
        {
            // A previous owner may have committed a turn that sends nothing (an instance's last turn) and died
            // before updating the instance row: clients read that row, so bring it up to the history's state.
            var row = await _instances.RepairAsync(state, snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);
            if (row == InstanceRowRepair.Repaired)
            {
                Logs.InstanceRowRepaired(_logger, instanceId, state.RuntimeStatus.ToString());
            }

            snapshot.InstanceRowCurrent = row != InstanceRowRepair.LeftAlone;
        }

        RunOutstandingActivities(snapshot);
        _mustLoad.TryRemove(instanceId, out _);
        _cache[instanceId] = snapshot;
        return snapshot;
    }

    /// <summary>
    /// Whether the messages are a new instance's first delivery: they include a start, none was delivered
    /// before (a redelivery means an earlier attempt may have committed), and no failed commit or crash
    /// has marked the instance for a load.
    /// </summary>
    private bool IsFirstDelivery(string instanceId, IReadOnlyList<InboxMessage> taken) =>
        taken.Count > 0 &&
        !_mustLoad.ContainsKey(instanceId) &&
        taken.Any(m => m.Message.Event is History.ExecutionStartedEvent) &&
        taken.All(m => m.Message.DequeueCount == 0 && m.Timer is null);

    /// <summary>Whether two states show a client the same instance row (everything but the last-updated time).</summary>
    private static bool SameForClients(OrchestrationState before, OrchestrationState after) =>
        before == after with { LastUpdatedAt = before.LastUpdatedAt };

    /// <summary>
    /// The turn's outgoing work. Messages the turn only sends again (after a duplicate) are left out: every
    /// committed turn's messages were sent already, by its own commit while the instance stayed cached, or
    /// from its outbox rows by the load that follows a failure. Sending them again would make receivers
    /// produce further duplicates (an activity runs again, its result is another duplicate).
    /// </summary>
    private static List<OutboxItem> BuildOutbox(OrchestrationCommit commit)
    {
        var resent = commit.ResentMessageIds.Count == 0 ? null : commit.ResentMessageIds.ToHashSet(StringComparer.Ordinal);
        bool New(TaskMessage m) => resent is null || !resent.Contains(m.MessageId);
        var outbox = new List<OutboxItem>();
        outbox.AddRange(commit.ActivityMessages.Where(New).Select(m => new OutboxItem(OutboxKind.Activity, m)));
        outbox.AddRange(commit.OrchestratorMessages.Where(New).Select(m => new OutboxItem(OutboxKind.Orchestrator, m)));
        outbox.AddRange(commit.TimerMessages.Where(New).Select(m => new OutboxItem(OutboxKind.Timer, m)));
        outbox.AddRange(commit.CancelledTimerIds.Select(t => new OutboxItem(OutboxKind.CancelTimer, null, t)));
        return outbox;
    }

    /// <summary>Sends a committed turn's outgoing work: the instance row, activity requests, messages, timers.</summary>
    private async Task SendOutboxAsync(InstanceSnapshot snapshot, IReadOnlyList<OutboxItem> outbox, bool writeInstanceRow, CancellationToken cancellationToken)
    {
        var work = new List<Task>();
        if (writeInstanceRow && snapshot.State is { RuntimeStatus: not OrchestrationRuntimeStatus.Pending } state)
        {
            // A pending row is the client's (written when it created the instance); a turn that only kept
            // early events for an instance not started yet must not replace its name, input or start time.
            work.Add(WriteInstanceRowAsync(snapshot, state, cancellationToken));
        }

        if (snapshot.ActivityMarker && !snapshot.HasOutstandingActivities)
        {
            // After the commit that left no activity outstanding.
            snapshot.ActivityMarker = false;
            work.Add(DeleteActivityMarkerAsync(snapshot.InstanceId, cancellationToken));
        }

        var partition = _storage.PartitionOf(snapshot.InstanceId);
        var local = _owned.TryGetValue(partition, out var owner) && !owner.Releasing;
        var timers = new List<TaskMessage>();
        var toInstances = new List<TaskMessage>();
        foreach (var item in outbox)
        {
            switch (item.Kind)
            {
                case OutboxKind.Activity when local:
                    RunLocally(partition, item.Message!);
                    break;
                case OutboxKind.Activity:
                    work.Add(SendActivityAsync(item.Message!, cancellationToken));
                    break;
                case OutboxKind.Orchestrator:
                    toInstances.Add(item.Message!);
                    break;
                case OutboxKind.Timer:
                    // The owner writes its own timer rows (batched below); if the partition has moved, the queue
                    // carries the timer to the new owner, which stores it (a row written now could miss its load).
                    if (_owned.ContainsKey(partition))
                    {
                        timers.Add(item.Message!);
                    }
                    else
                    {
                        toInstances.Add(item.Message!);
                    }

                    break;
                case OutboxKind.CancelTimer:
                    work.Add(CancelTimerAsync(snapshot.InstanceId, item.TimerId, cancellationToken));
                    break;
            }
        }

        // What the turn sends to one instance goes as one queue message, in order (see QueueEnvelope).
        foreach (var group in toInstances.GroupBy(m => m.InstanceId, StringComparer.Ordinal))
        {
            work.Add(SendControlMessagesAsync([.. group], cancellationToken));
        }

        if (timers.Count > 0)
        {
            work.Add(StoreTimersAsync(partition, timers, cancellationToken));
        }

        await Task.WhenAll(work).ConfigureAwait(false);
    }

    private async Task WriteInstanceRowAsync(InstanceSnapshot snapshot, OrchestrationState state, CancellationToken cancellationToken)
    {
        snapshot.InstanceRowCurrent = false;
        await _instances.UpsertAsync(state, snapshot.KnownBlobs, cancellationToken).ConfigureAwait(false);
        snapshot.InstanceRowCurrent = ReferenceEquals(snapshot.State, state);
    }

    /// <summary>
    /// The consumed messages, each queue message with the receipt of the copy the inbox holds now: when a
    /// commit outlasts the visibility timeout, the reader receives the message again (a new receipt) and
    /// replaces the held copy; that copy was consumed by this turn too and is deleted with its receipt.
    /// </summary>
    private List<InboxMessage> WithLatestReceipts(string instanceId, IReadOnlyList<InboxMessage> consumed)
    {
        lock (_gate)
        {
            if (!_inboxes.TryGetValue(instanceId, out var inbox))
            {
                return [.. consumed];
            }

            return [.. consumed.Select(m => m.Queue is { } q
                ? inbox.Messages.FirstOrDefault(held => held.Queue is { } h && h.Partition == q.Partition && h.MessageId == q.MessageId) ?? m
                : m)];
        }
    }

    private async Task DeleteConsumedAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Queue is { } handle)
        {
            _lastErrors.TryRemove(handle.MessageId, out _);
            await DeleteQueueMessageAsync(handle, cancellationToken).ConfigureAwait(false);
        }
        else if (message.Timer is { } timer)
        {
            await DeleteTimerRowAsync(timer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Holds the messages of one queue message (or one fired timer) for their instance and offers it to the
    /// workers. Returns false, holding nothing, when the partition is no longer owned or is being handed over
    /// (checked under the same lock that drops a released partition's inboxes, so nothing is held unseen).
    /// </summary>
    private bool AddToInbox(int partition, List<InboxMessage> messages)
    {
        if (messages.Count == 0)
        {
            return true;
        }

        var instanceId = messages[0].Message.InstanceId;
        lock (_gate)
        {
            if (!_owned.TryGetValue(partition, out var owner) || owner.Releasing)
            {
                return false;
            }

            if (!_inboxes.TryGetValue(instanceId, out var inbox))
            {
                inbox = new InstanceInbox(partition);
                _inboxes[instanceId] = inbox;
            }

            // A queue message received again (its visibility ran out while held) replaces the held copy: only
            // the newest receipt can delete it. A work item holding the old copy fails to delete it, and the new
            // copy is offered again and discarded as a duplicate.
            var queueId = messages[0].Queue?.MessageId;
            var existing = queueId is null ? -1 : inbox.Messages.FindIndex(m => m.Queue?.MessageId == queueId);
            if (existing >= 0)
            {
                inbox.Messages.RemoveAll(m => m.Queue?.MessageId == queueId);
                inbox.Messages.InsertRange(Math.Min(existing, inbox.Messages.Count), messages);
            }
            else
            {
                inbox.Messages.AddRange(messages);
            }

            if (!inbox.Locked && !inbox.Queued)
            {
                inbox.Queued = true;
                _ready.Writer.TryWrite(instanceId);
            }
        }

        return true;
    }

    /// <summary>Releases the in-process lock, dropping <paramref name="consumed"/>, and offers the instance again if messages remain.</summary>
    private void Unlock(string instanceId, IReadOnlyList<InboxMessage> consumed, TimeSpan? requeueAfter)
    {
        lock (_gate)
        {
            if (!_inboxes.TryGetValue(instanceId, out var inbox))
            {
                return;
            }

            inbox.Messages.RemoveAll(m => consumed.Contains(m) || (m.Queue is not null && consumed.Any(c => c.Queue?.MessageId == m.Queue.MessageId && c.Queue.PopReceipt == m.Queue.PopReceipt)));
            inbox.Locked = false;
            if (inbox.Messages.Count == 0)
            {
                _inboxes.Remove(instanceId);
                return;
            }

            if (!inbox.Queued)
            {
                inbox.Queued = true;
                if (requeueAfter is { } delay && delay > TimeSpan.Zero)
                {
                    _ = RequeueLaterAsync(instanceId, delay);
                }
                else
                {
                    _ready.Writer.TryWrite(instanceId);
                }
            }
        }
    }

    private async Task RequeueLaterAsync(string instanceId, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            _ready.Writer.TryWrite(instanceId);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// A simulated crash: forget the work item's messages and cached state as a dead process would.
    /// The queue messages reappear when their visibility runs out; fired timers are re-armed as a
    /// restarted owner would re-read them from the timers table.
    /// </summary>
    private void Forget(string instanceId, IReadOnlyList<InboxMessage> messages)
    {
        _cache.TryRemove(instanceId, out _);
        _mustLoad.TryAdd(instanceId, 0);
        Unlock(instanceId, messages, requeueAfter: null);
        foreach (var m in messages)
        {
            if (m.Timer is { } timer)
            {
                Schedule(timer);
            }
        }

        if (messages.Any(m => m.Queue is null && m.Timer is null))
        {
            // Activity results held only in memory die with the process, and nothing is redelivered to
            // make a load send a committed turn's outbox: a new owner would recover the instance from its
            // activity marker; here the same process stands in for it.
            _ = RecoverAfterAsync(instanceId, _options.ControlMessageVisibilityTimeout);
        }
    }

    private bool AnyLocked(int partition)
    {
        lock (_gate)
        {
            return _inboxes.Values.Any(i => i.Partition == partition && i.Locked);
        }
    }

    /// <summary>Drops a partition's inboxes and cached instances; returns the queue messages that were held.</summary>
    private List<QueueHandle> DropPartitionInboxes(int partition)
    {
        var held = new List<QueueHandle>();
        lock (_gate)
        {
            foreach (var (id, inbox) in _inboxes.Where(kv => kv.Value.Partition == partition).ToList())
            {
                held.AddRange(inbox.Messages.Select(m => m.Queue).OfType<QueueHandle>());
                _inboxes.Remove(id);
            }
        }

        foreach (var id in _cache.Keys.Where(k => _storage.PartitionOf(k) == partition).ToList())
        {
            _cache.TryRemove(id, out _);
        }

        return held;
    }

    private Task SendControlMessageAsync(TaskMessage message, CancellationToken cancellationToken) =>
        SendControlMessagesAsync([message], cancellationToken);

    /// <summary>
    /// Sends messages for one instance to its control queue as one queue message. When this backend owns the
    /// instance's partition it hands the message over in process instead of receiving it back: the message is
    /// sent invisible for the control-message visibility timeout, exactly as a receive would have left it,
    /// and its send receipt deletes it after the turn that consumes it. If this process dies first, the
    /// message reappears when that timeout runs out and the partition's owner receives it then. A hand-over
    /// waits until the partition's reader has drained every message this process queued there before (sent
    /// while another host owned it, say), so one sender's messages are not overtaken by its later ones.
    /// </summary>
    private async Task SendControlMessagesAsync(IReadOnlyList<TaskMessage> messages, CancellationToken cancellationToken)
    {
        var text = await QueueEnvelope.EncodeAsync(messages, _payloads, cancellationToken).ConfigureAwait(false);
        var partition = _storage.PartitionOf(messages[0].InstanceId);
        var queue = _storage.ControlQueues[partition];
        Statistics.Count(StorageOperation.QueueSend);
        if (!CanHandOver(partition))
        {
            await queue.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
            _queuedSends.Increment(partition);
            if (_owned.TryGetValue(partition, out var owner))
            {
                owner.Wake.Set();
            }

            return;
        }

        var receipt = (await queue.SendMessageAsync(text, visibilityTimeout: _options.ControlMessageVisibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var handle = new QueueHandle(partition, receipt.MessageId, receipt.PopReceipt);
        _handedOver[receipt.MessageId] = 0;
        Interlocked.Increment(ref _handOvers);

        try
        {
            if (!await DeliverAsync(partition, handle, messages, 0, cancellationToken).ConfigureAwait(false))
            {
                await ReleaseHandedOverAsync(handle, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
        {
            // The message is sent and durable: it reappears when its visibility runs out, so the send succeeded.
            Logs.StorageRetry(_logger, "hand over control message", ex);
        }
    }

    /// <summary>How many control messages this backend has handed over in process (for tests and diagnostics).</summary>
    internal long HandOvers => Interlocked.Read(ref _handOvers);

    /// <summary>Whether a message sent now to <paramref name="partition"/> would be handed over in process.</summary>
    internal bool CanHandOver(int partition) =>
        _options.HandOverOwnedMessages && _owned.TryGetValue(partition, out var owned) && !owned.Releasing && owned.CaughtUp(_queuedSends);

    /// <summary>Makes a message handed over in process visible again: the partition moved before it was held.</summary>
    private async Task ReleaseHandedOverAsync(QueueHandle handle, CancellationToken cancellationToken)
    {
        try
        {
            Statistics.Count(StorageOperation.QueueUpdate);
            await _storage.ControlQueues[handle.Partition].UpdateMessageAsync(handle.MessageId, handle.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Taken already.
        }
    }

    private async Task SendActivityAsync(TaskMessage message, CancellationToken cancellationToken)
    {
        var text = await QueueEnvelope.EncodeAsync(message, _payloads, cancellationToken).ConfigureAwait(false);
        Statistics.Count(StorageOperation.QueueSend);
        await _storage.WorkItems.SendMessageAsync(text, cancellationToken).ConfigureAwait(false);
        _activityWake.Set();
    }
}
