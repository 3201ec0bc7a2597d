using Workflow.Durable.History;

namespace Workflow.Durable.Backend;

/// <summary>
/// An orchestration work item: one instance, locked for this worker, with its committed history
/// and the messages that arrived since. The worker replays the history, applies the messages,
/// and completes the work item with a <see cref="OrchestrationCommit"/>.
/// </summary>
public sealed class OrchestrationWorkItem
{
    /// <summary>Creates a work item.</summary>
    public OrchestrationWorkItem(
        string instanceId,
        OrchestrationState? state,
        IReadOnlyList<HistoryEvent> history,
        IReadOnlyList<TaskMessage> newMessages)
    {
        InstanceId = instanceId;
        State = state;
        History = history;
        NewMessages = newMessages;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The instance's committed state, or null when it has none yet (a start message is pending).</summary>
    public OrchestrationState? State { get; }

    /// <summary>The committed history of the current execution, in order.</summary>
    public IReadOnlyList<HistoryEvent> History { get; }

    /// <summary>The messages to apply, in arrival order. The backend may deliver duplicates and stale messages; the worker discards them.</summary>
    public IReadOnlyList<TaskMessage> NewMessages { get; }

    /// <summary>Backend-owned state of the lock (lease token, ETags, receipts). Opaque to the worker.</summary>
    public object? LockToken { get; init; }
}

/// <summary>The result of one orchestration turn, committed atomically with respect to the instance.</summary>
public sealed class OrchestrationCommit
{
    /// <summary>
    /// True when <see cref="NewEvents"/> begin a new execution (start after a terminal state,
    /// continue-as-new, restart): the previous execution's history is replaced.
    /// </summary>
    public bool NewExecution { get; init; }

    /// <summary>Events to append to the history (or the whole new history when <see cref="NewExecution"/>).</summary>
    public required IReadOnlyList<HistoryEvent> NewEvents { get; init; }

    /// <summary>The instance's state after the turn.</summary>
    public required OrchestrationState State { get; init; }

    /// <summary>Activities to run.</summary>
    public IReadOnlyList<TaskMessage> ActivityMessages { get; init; } = [];

    /// <summary>Messages to instances (this one or others): sub-orchestration starts, events, results to a parent, continue-as-new.</summary>
    public IReadOnlyList<TaskMessage> OrchestratorMessages { get; init; } = [];

    /// <summary>Timer messages, each delivered to this instance at its <see cref="TaskMessage.DeliverAt"/>.</summary>
    public IReadOnlyList<TaskMessage> TimerMessages { get; init; } = [];

    /// <summary>Timers of this instance that were cancelled and must not fire.</summary>
    public IReadOnlyList<int> CancelledTimerIds { get; init; } = [];

    /// <summary>
    /// The ids of the messages above that earlier turns already produced and this one sends again,
    /// because a duplicate message suggested an earlier attempt may have stopped between its commit and
    /// its sends. A backend that guarantees every committed turn's messages are sent (an outbox it
    /// replays on load) may leave them out; sending them is always safe, receivers discard copies.
    /// </summary>
    public IReadOnlyCollection<string> ResentMessageIds { get; init; } = [];
}

/// <summary>An activity work item: one activity request, locked for this worker.</summary>
public sealed class ActivityWorkItem
{
    /// <summary>Creates a work item for <paramref name="message"/>, whose event is a <see cref="TaskScheduledEvent"/>.</summary>
    public ActivityWorkItem(TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Event is not TaskScheduledEvent scheduled)
        {
            throw new ArgumentException("An activity message carries a TaskScheduled event.", nameof(message));
        }

        Message = message;
        Scheduled = scheduled;
    }

    /// <summary>The activity request.</summary>
    public TaskMessage Message { get; }

    /// <summary>The scheduled task: name, input and task id.</summary>
    public TaskScheduledEvent Scheduled { get; }

    /// <summary>Backend-owned state of the lock (pop receipt, ...). Opaque to the worker.</summary>
    public object? LockToken { get; init; }
}
