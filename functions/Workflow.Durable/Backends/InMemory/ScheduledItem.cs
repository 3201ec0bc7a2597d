using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Something the backend must do at a time: deliver a delayed message or expire a lock.</summary>
internal abstract class ScheduledItem(DateTime dueAt)
{
    public DateTime DueAt { get; } = dueAt;

    /// <summary>Still waiting in the schedule (neither cancelled nor done).</summary>
    public bool IsPending { get; private set; } = true;

    /// <summary>Marks the item as no longer pending; false when it already was not.</summary>
    public bool Retire()
    {
        bool was = IsPending;
        IsPending = false;
        return was;
    }
}

/// <summary>A message that is not delivered before its <see cref="TaskMessage.DeliverAt"/>: a timer, a delayed start.</summary>
internal sealed class DelayedMessage(DateTime dueAt, TaskMessage message, bool isActivity, bool isTimer)
    : ScheduledItem(dueAt)
{
    public TaskMessage Message { get; } = message;

    /// <summary>Goes to the activity queue rather than an instance's inbox.</summary>
    public bool IsActivity { get; } = isActivity;

    /// <summary>A durable timer of the target instance, which its commits may cancel.</summary>
    public bool IsTimer { get; } = isTimer;
}

/// <summary>The moment an orchestration lock runs out.</summary>
internal sealed class OrchestrationLockExpiry(DateTime dueAt, OrchestrationLease lease) : ScheduledItem(dueAt)
{
    public OrchestrationLease Lease { get; } = lease;
}

/// <summary>The moment an activity lock runs out.</summary>
internal sealed class ActivityLockExpiry(DateTime dueAt, ActivityLease lease) : ScheduledItem(dueAt)
{
    public ActivityLease Lease { get; } = lease;
}
