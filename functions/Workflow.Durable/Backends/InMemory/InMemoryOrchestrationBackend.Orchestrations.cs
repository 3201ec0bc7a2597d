using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Worker side: orchestration work items.</summary>
public sealed partial class InMemoryOrchestrationBackend
{
    private const string LockExpiredError = "The work item's lock expired before it was completed (the worker crashed or was too slow).";

    /// <inheritdoc/>
    /// <remarks>
    /// Instances are handed out round-robin: an instance that becomes ready again goes to the back of
    /// the line. The work item carries every message in the inbox at the moment of locking; messages
    /// that arrive while it is locked wait for the next work item. An instance that has not started
    /// is handed out only once its start message has arrived (see <see cref="SendMessageAsync"/>).
    /// </remarks>
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken)
    {
        var workItem = await WaitForWorkAsync(TryLockNextInstance, orchestrationArrived, cancellationToken).ConfigureAwait(false);
        if (workItem is not null)
        {
            // A crash here leaves the instance locked until the lock times out.
            Faults.OnStep(FaultPoint.OrchestrationLocked, workItem.InstanceId);
        }

        return workItem;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The steps, each preceded by a fault-injection point: check the lock; apply history and state
    /// (<see cref="FaultPoint.BeforeCommit"/>); send activity, orchestrator and timer messages
    /// (<see cref="FaultPoint.AfterCommit"/>); remove the consumed messages
    /// (<see cref="FaultPoint.AfterMessagesSent"/>); release the lock
    /// (<see cref="FaultPoint.AfterMessagesDeleted"/>). A crash leaves the lock held until it expires.
    /// If the lock expires after the commit, the remaining steps skip deleting and releasing: the new
    /// holder owns the messages now.
    /// </remarks>
    public Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken = default)
    {
        var lease = LeaseOf(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.State);
        if (!string.Equals(commit.State.InstanceId, workItem.InstanceId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The commit's state is for instance '{commit.State.InstanceId}', not '{workItem.InstanceId}'.", nameof(commit));
        }

        if (commit.ActivityMessages.Any(message => message.Event is not TaskScheduledEvent))
        {
            throw new ArgumentException("An activity message carries a TaskScheduled event.", nameof(commit));
        }

        string instanceId = workItem.InstanceId;
        lock (gate)
        {
            ThrowIfLost(lease);
        }

        Faults.OnStep(FaultPoint.BeforeCommit, instanceId);
        lock (gate)
        {
            ThrowIfLost(lease);
            ApplyCommit(lease.Record, commit);
        }

        Faults.OnStep(FaultPoint.AfterCommit, instanceId);
        lock (gate)
        {
            foreach (var message in commit.ActivityMessages)
            {
                Accept(message, isActivity: true, isTimer: false);
            }

            foreach (var message in commit.OrchestratorMessages)
            {
                Accept(message, isActivity: false, isTimer: false);
            }

            foreach (var message in commit.TimerMessages)
            {
                Accept(message, isActivity: false, isTimer: true);
            }
        }

        Faults.OnStep(FaultPoint.AfterMessagesSent, instanceId);
        lock (gate)
        {
            if (IsCurrent(lease))
            {
                foreach (var entry in lease.Entries)
                {
                    entry.Removed = true;
                }

                lease.Record.Inbox.RemoveAll(entry => entry.Removed);
            }
        }

        Faults.OnStep(FaultPoint.AfterMessagesDeleted, instanceId);
        lock (gate)
        {
            if (IsCurrent(lease))
            {
                Release(lease);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// With a <paramref name="failure"/> each message's <see cref="TaskMessage.DequeueCount"/> goes up;
    /// a message that reaches <see cref="InMemoryBackendOptions.MaxDeliveryCount"/> moves to
    /// <see cref="PoisonMessages"/>. An expired lock counts the same way. Abandoning a lock that
    /// was already lost does nothing.
    /// </remarks>
    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default)
    {
        var lease = LeaseOf(workItem);
        lock (gate)
        {
            if (!IsCurrent(lease))
            {
                return Task.CompletedTask;
            }

            if (failure is not null)
            {
                CountFailedDelivery(lease, Describe(failure));
            }

            Release(lease);
        }

        return Task.CompletedTask;
    }

    private static OrchestrationLease LeaseOf(OrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return workItem.LockToken as OrchestrationLease
            ?? throw new ArgumentException("The work item was not locked by an in-memory backend.", nameof(workItem));
    }

    private static string Describe(Exception failure) => $"{failure.GetType().FullName}: {failure.Message}";

    private OrchestrationWorkItem? TryLockNextInstance()
    {
        while (readyInstances.TryDequeue(out string? instanceId))
        {
            if (!instances.TryGetValue(instanceId, out var record))
            {
                continue;
            }

            record.InReadyQueue = false;
            if (!record.IsReady)
            {
                continue;
            }

            InboxEntry[] entries = [.. record.Inbox];
            var lease = new OrchestrationLease(record, entries);
            record.Lease = lease;
            lease.Expiry = new OrchestrationLockExpiry(UtcNow + options.LockTimeout, lease);
            AddScheduled(lease.Expiry);
            Statistics.OrchestrationWorkItemLocked();
            return new OrchestrationWorkItem(
                instanceId,
                record.State,
                [.. record.History],
                [.. entries.Select(entry => entry.ToDelivery())])
            {
                LockToken = lease,
            };
        }

        return null;
    }

    /// <summary>Whether the lease still locks an instance that still exists (not purged or deleted).</summary>
    private bool IsCurrent(OrchestrationLease lease) =>
        lease.IsHeld
        && instances.TryGetValue(lease.Record.InstanceId, out var record)
        && ReferenceEquals(record, lease.Record);

    private void ThrowIfLost(OrchestrationLease lease)
    {
        if (!IsCurrent(lease))
        {
            throw new InstanceLockLostException(lease.Record.InstanceId, "the lock expired and was taken again, or the instance was purged");
        }
    }

    private void ApplyCommit(InstanceRecord record, OrchestrationCommit commit)
    {
        if (commit.NewExecution)
        {
            // Timers of the previous execution would only arrive as stale messages.
            CancelTimers(record, _ => true);
            record.History = [.. commit.NewEvents];
        }
        else
        {
            record.History.AddRange(commit.NewEvents);
        }

        record.State = commit.State;
        if (commit.State.RuntimeStatus.IsTerminal())
        {
            CancelTimers(record, _ => true);
        }
        else if (commit.CancelledTimerIds.Count > 0)
        {
            var cancelled = commit.CancelledTimerIds.ToHashSet();
            CancelTimers(record, timer => timer.Message.Event is TimerFiredEvent fired && cancelled.Contains(fired.TimerId));
        }

        Statistics.Committed();
    }

    private void CancelTimers(InstanceRecord record, Func<DelayedMessage, bool> predicate)
    {
        if (record.PendingTimers.Count == 0)
        {
            return;
        }

        foreach (var timer in record.PendingTimers.Values.Where(predicate).ToList())
        {
            record.PendingTimers.Remove(timer.Message.MessageId);
            schedule.Cancel(timer);
        }
    }

    /// <summary>Counts a failed delivery on each message the lease consumed, poisoning those at the limit.</summary>
    private void CountFailedDelivery(OrchestrationLease lease, string error)
    {
        bool poisoned = false;
        foreach (var entry in lease.Entries.Where(entry => !entry.Removed))
        {
            entry.DequeueCount++;
            if (entry.DequeueCount >= options.MaxDeliveryCount)
            {
                entry.Removed = true;
                poisoned = true;
                Poison(entry.ToDelivery(), error);
            }
        }

        if (poisoned)
        {
            lease.Record.Inbox.RemoveAll(entry => entry.Removed);
        }
    }

    private void Release(OrchestrationLease lease)
    {
        lease.Record.Lease = null;
        if (lease.Expiry is not null)
        {
            schedule.Cancel(lease.Expiry);
        }

        MarkReady(lease.Record);
    }

    private void ExpireOrchestrationLock(OrchestrationLease lease)
    {
        if (!IsCurrent(lease))
        {
            return;
        }

        Statistics.LockExpired();
        CountFailedDelivery(lease, LockExpiredError);
        Release(lease);
    }

    private InstanceRecord GetOrAddRecord(string instanceId)
    {
        if (!instances.TryGetValue(instanceId, out var record))
        {
            record = new InstanceRecord(instanceId);
            instances.Add(instanceId, record);
        }

        return record;
    }

    private void DeliverToInbox(TaskMessage message)
    {
        var record = GetOrAddRecord(message.InstanceId);
        record.Inbox.Add(new InboxEntry(message));
        MarkReady(record);
    }

    private void MarkReady(InstanceRecord record)
    {
        if (record.InReadyQueue || !record.IsReady)
        {
            return;
        }

        record.InReadyQueue = true;
        readyInstances.Enqueue(record.InstanceId);
        orchestrationArrived.Pulse();
    }
}
