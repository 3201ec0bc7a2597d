using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Delayed delivery and lock expiry, driven by one timer on the backend's clock.</summary>
public sealed partial class InMemoryOrchestrationBackend
{
    private bool runningDueItems;

    private static DateTime AsUtc(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;

    /// <summary>
    /// Takes a message: into the schedule when it has a future <see cref="TaskMessage.DeliverAt"/>,
    /// otherwise straight into the activity queue or the target's inbox.
    /// </summary>
    private void Accept(TaskMessage message, bool isActivity, bool isTimer)
    {
        Statistics.MessageSent();
        if (message.DeliverAt is { } deliverAt && AsUtc(deliverAt) > UtcNow)
        {
            var delayed = new DelayedMessage(AsUtc(deliverAt), message, isActivity, isTimer);
            if (isTimer)
            {
                // A turn retried after a crash sends its timers again; keep one.
                var record = GetOrAddRecord(message.InstanceId);
                if (!record.PendingTimers.TryAdd(message.MessageId, delayed))
                {
                    return;
                }
            }

            AddScheduled(delayed);
            return;
        }

        Deliver(message, isActivity);
    }

    private void Deliver(TaskMessage message, bool isActivity)
    {
        if (isActivity)
        {
            EnqueueActivity(message);
        }
        else
        {
            DeliverToInbox(message);
        }
    }

    private void AddScheduled(ScheduledItem item)
    {
        schedule.Add(item);
        ArmDueTimer();
    }

    private void OnDueTimer()
    {
        lock (gate)
        {
            dueTimerArmedFor = null;
            ArmDueTimer();
        }
    }

    /// <summary>
    /// Runs what is due and arms the timer for the next item. The timer is re-checked when it fires,
    /// so a timer that wakes early (system timers round to milliseconds) delivers nothing early.
    /// </summary>
    private void ArmDueTimer()
    {
        if (disposed || runningDueItems)
        {
            return;
        }

        while (true)
        {
            var next = schedule.NextDueAt();
            if (next is null)
            {
                if (dueTimerArmedFor is not null)
                {
                    dueTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    dueTimerArmedFor = null;
                }

                return;
            }

            var now = UtcNow;
            if (next <= now)
            {
                RunDueItems(now);
                continue;
            }

            if (dueTimerArmedFor != next)
            {
                dueTimer.Change(next.Value - now, Timeout.InfiniteTimeSpan);
                dueTimerArmedFor = next;
            }

            return;
        }
    }

    private void RunDueItems(DateTime now)
    {
        runningDueItems = true;
        try
        {
            while (schedule.TakeDue(now) is { } item)
            {
                switch (item)
                {
                    case DelayedMessage delayed:
                        if (delayed.IsTimer && instances.TryGetValue(delayed.Message.InstanceId, out var record))
                        {
                            record.PendingTimers.Remove(delayed.Message.MessageId);
                        }

                        Statistics.TimerFired();
                        Deliver(delayed.Message, delayed.IsActivity);
                        break;
                    case OrchestrationLockExpiry expiry:
                        ExpireOrchestrationLock(expiry.Lease);
                        break;
                    case ActivityLockExpiry expiry:
                        ExpireActivityLock(expiry.Lease);
                        break;
                }
            }
        }
        finally
        {
            runningDueItems = false;
        }
    }
}
