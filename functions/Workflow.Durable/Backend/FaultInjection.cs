namespace Workflow.Durable.Backend;

/// <summary>The steps of a work item at which a backend lets a test fail or crash the process.</summary>
public enum FaultPoint
{
    /// <summary>An orchestration work item was locked; nothing was written.</summary>
    OrchestrationLocked,

    /// <summary>The worker is about to commit a turn.</summary>
    BeforeCommit,

    /// <summary>
    /// Part of a commit is durable and part is not (a history split over several transactions has
    /// written some of them). Backends that commit in one step may skip this point.
    /// </summary>
    CommitPartlyWritten,

    /// <summary>History and state are durable; outgoing messages are not yet sent.</summary>
    AfterCommit,

    /// <summary>Outgoing messages are sent; the consumed messages are not yet removed.</summary>
    AfterMessagesSent,

    /// <summary>The consumed messages are removed; the lock is not yet released.</summary>
    AfterMessagesDeleted,

    /// <summary>An activity request was locked; the activity has not run.</summary>
    ActivityLocked,

    /// <summary>The activity ran; its result is not yet sent.</summary>
    ActivityExecuted,

    /// <summary>The activity's result is sent; the request is not yet removed.</summary>
    ActivityResultSent,
}

/// <summary>
/// Lets tests fail or "crash" a backend at each <see cref="FaultPoint"/>. A crash is thrown as
/// <see cref="SimulatedCrashException"/>: the backend stops the work item where it is, forgets what it
/// held in memory for it, and does not release its locks, exactly as a killed process would.
/// </summary>
public interface IFaultInjector
{
    /// <summary>Called by the backend at <paramref name="point"/>; throws to inject a fault.</summary>
    void OnStep(FaultPoint point, string instanceId);
}

/// <summary>Thrown by an <see cref="IFaultInjector"/> to simulate a process crash at a step.</summary>
public sealed class SimulatedCrashException(FaultPoint point, string instanceId)
    : Exception($"Simulated crash at {point} for instance '{instanceId}'.")
{
    /// <summary>Where the crash was injected.</summary>
    public FaultPoint Point { get; } = point;
}

/// <summary>Injects no faults.</summary>
public sealed class NoFaults : IFaultInjector
{
    /// <summary>The shared instance.</summary>
    public static readonly NoFaults Instance = new();

    /// <inheritdoc/>
    public void OnStep(FaultPoint point, string instanceId)
    {
    }
}
