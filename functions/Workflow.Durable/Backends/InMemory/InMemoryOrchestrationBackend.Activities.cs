using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Worker side: activity work items.</summary>
public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// Requests are handed out first in, first out. A locked request is invisible to other workers
    /// until it is completed, abandoned, or <see cref="InMemoryBackendOptions.ActivityLockTimeout"/>
    /// passes (then it goes to the back of the queue and counts as a failed delivery).
    /// </remarks>
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken)
    {
        var workItem = await WaitForWorkAsync(TryLockNextActivity, activityArrived, cancellationToken).ConfigureAwait(false);
        if (workItem is not null)
        {
            // A crash here leaves the request locked until the lock times out.
            Faults.OnStep(FaultPoint.ActivityLocked, workItem.Message.InstanceId);
        }

        return workItem;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The result is sent even when the lock was lost meanwhile (the receiver discards duplicates);
    /// the request is then removed unless another worker has locked it again.
    /// </remarks>
    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken = default)
    {
        var lease = LeaseOf(workItem);
        ArgumentNullException.ThrowIfNull(result);
        string instanceId = workItem.Message.InstanceId;

        Faults.OnStep(FaultPoint.ActivityExecuted, instanceId);
        lock (gate)
        {
            Accept(result, isActivity: false, isTimer: false);
        }

        Faults.OnStep(FaultPoint.ActivityResultSent, instanceId);
        lock (gate)
        {
            var entry = lease.Entry;
            if (!entry.Removed && (lease.IsHeld || entry.Lease is null))
            {
                entry.Removed = true;
                ReleaseActivity(lease);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// With a <paramref name="failure"/> the request's dequeue count goes up, and at
    /// <see cref="InMemoryBackendOptions.MaxDeliveryCount"/> it moves to <see cref="PoisonMessages"/>.
    /// </remarks>
    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default)
    {
        var lease = LeaseOf(workItem);
        lock (gate)
        {
            if (!lease.IsHeld)
            {
                return Task.CompletedTask;
            }

            ReleaseActivity(lease);
            if (failure is null)
            {
                RequeueActivity(lease.Entry);
            }
            else
            {
                CountFailedDelivery(lease.Entry, Describe(failure));
            }
        }

        return Task.CompletedTask;
    }

    private static ActivityLease LeaseOf(ActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        return workItem.LockToken as ActivityLease
            ?? throw new ArgumentException("The work item was not locked by an in-memory backend.", nameof(workItem));
    }

    private ActivityWorkItem? TryLockNextActivity()
    {
        while (readyActivities.TryDequeue(out var entry))
        {
            if (entry.Removed || entry.Lease is not null)
            {
                continue;
            }

            var lease = new ActivityLease(entry);
            entry.Lease = lease;
            lease.Expiry = new ActivityLockExpiry(UtcNow + options.ActivityLockTimeout, lease);
            AddScheduled(lease.Expiry);
            Statistics.ActivityWorkItemLocked();
            return new ActivityWorkItem(entry.Message with { DequeueCount = entry.DequeueCount }) { LockToken = lease };
        }

        return null;
    }

    private void ReleaseActivity(ActivityLease lease)
    {
        if (!lease.IsHeld)
        {
            return;
        }

        lease.Entry.Lease = null;
        if (lease.Expiry is not null)
        {
            schedule.Cancel(lease.Expiry);
        }
    }

    private void CountFailedDelivery(ActivityEntry entry, string error)
    {
        entry.DequeueCount++;
        if (entry.DequeueCount >= options.MaxDeliveryCount)
        {
            entry.Removed = true;
            Poison(entry.Message with { DequeueCount = entry.DequeueCount }, error);
            return;
        }

        RequeueActivity(entry);
    }

    private void ExpireActivityLock(ActivityLease lease)
    {
        if (!lease.IsHeld)
        {
            return;
        }

        Statistics.LockExpired();
        lease.Entry.Lease = null;
        CountFailedDelivery(lease.Entry, LockExpiredError);
    }

    private void EnqueueActivity(TaskMessage message) => RequeueActivity(new ActivityEntry(message));

    private void RequeueActivity(ActivityEntry entry)
    {
        readyActivities.Enqueue(entry);
        activityArrived.Pulse();
    }
}
