namespace Workflow.Durable.Backends.InMemory;

/// <summary>Running totals of an <see cref="InMemoryOrchestrationBackend"/>, for benchmarks and tests.</summary>
public sealed class InMemoryBackendStatistics
{
    private long messagesSent;
    private long commits;
    private long timersFired;
    private long orchestrationWorkItems;
    private long activityWorkItems;
    private long locksExpired;
    private long messagesPoisoned;

    /// <summary>Messages accepted: starts, events, outgoing messages of commits, activity results.</summary>
    public long MessagesSent => Interlocked.Read(ref messagesSent);

    /// <summary>Orchestration turns committed.</summary>
    public long Commits => Interlocked.Read(ref commits);

    /// <summary>Delayed messages (timers, delayed starts) delivered at their time.</summary>
    public long TimersFired => Interlocked.Read(ref timersFired);

    /// <summary>Orchestration work items locked.</summary>
    public long OrchestrationWorkItems => Interlocked.Read(ref orchestrationWorkItems);

    /// <summary>Activity work items locked.</summary>
    public long ActivityWorkItems => Interlocked.Read(ref activityWorkItems);

    /// <summary>Locks (orchestration or activity) that expired before their work item was completed.</summary>
    public long LocksExpired => Interlocked.Read(ref locksExpired);

    /// <summary>Messages moved to the poison list.</summary>
    public long MessagesPoisoned => Interlocked.Read(ref messagesPoisoned);

    internal void MessageSent() => Interlocked.Increment(ref messagesSent);

    internal void Committed() => Interlocked.Increment(ref commits);

    internal void TimerFired() => Interlocked.Increment(ref timersFired);

    internal void OrchestrationWorkItemLocked() => Interlocked.Increment(ref orchestrationWorkItems);

    internal void ActivityWorkItemLocked() => Interlocked.Increment(ref activityWorkItems);

    internal void LockExpired() => Interlocked.Increment(ref locksExpired);

    internal void MessagePoisoned() => Interlocked.Increment(ref messagesPoisoned);
}
