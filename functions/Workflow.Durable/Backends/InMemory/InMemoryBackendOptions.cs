using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Options of an <see cref="InMemoryOrchestrationBackend"/>.</summary>
public sealed record InMemoryBackendOptions
{
    /// <summary>The clock for timers, lock expiry and timestamps. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Lets tests fail or crash the backend at each step of a work item.</summary>
    public IFaultInjector FaultInjector { get; init; } = NoFaults.Instance;

    /// <summary>
    /// How long an orchestration work item stays locked without being completed or abandoned. After
    /// that its messages are delivered again, as if the worker that held it had crashed.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an activity work item stays invisible to other workers without being completed.</summary>
    public TimeSpan ActivityLockTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many failed deliveries (abandoned with a failure, or lock expired) a message gets before it
    /// is moved to <see cref="InMemoryOrchestrationBackend.PoisonMessages"/>.
    /// </summary>
    public int MaxDeliveryCount { get; init; } = 5;

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(FaultInjector);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LockTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ActivityLockTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDeliveryCount, 1);
    }
}
