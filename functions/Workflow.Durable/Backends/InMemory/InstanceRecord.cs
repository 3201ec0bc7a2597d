using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Everything the backend keeps about one instance.</summary>
internal sealed class InstanceRecord(string instanceId)
{
    public string InstanceId { get; } = instanceId;

    /// <summary>The committed state; null until the instance is created or its first turn commits.</summary>
    public OrchestrationState? State { get; set; }

    /// <summary>The committed history of the current execution.</summary>
    public List<HistoryEvent> History { get; set; } = [];

    /// <summary>Delivered messages not yet consumed, in arrival order.</summary>
    public List<InboxEntry> Inbox { get; } = [];

    /// <summary>The lock held on the instance, or null.</summary>
    public OrchestrationLease? Lease { get; set; }

    /// <summary>Whether the instance's id sits in the ready queue.</summary>
    public bool InReadyQueue { get; set; }

    /// <summary>The instance's timers not yet delivered, by message id (so a resent timer is kept once).</summary>
    public Dictionary<string, DelayedMessage> PendingTimers { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Unlocked with messages a worker can act on. An instance that has not started (no history) waits
    /// until its start message is in the inbox: events sent before the instance exists, or before a
    /// delayed start is due, are kept and handed out together with the start, never alone.
    /// </summary>
    public bool IsReady =>
        Lease is null
        && Inbox.Count > 0
        && (History.Count > 0 || Inbox.Exists(entry => entry.Message.Event is ExecutionStartedEvent));
}
