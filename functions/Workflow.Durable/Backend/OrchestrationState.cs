using Workflow.Durable.History;

namespace Workflow.Durable.Backend;

/// <summary>
/// The queryable state of one instance: what an instances table row holds. Written with every turn's
/// commit so queries never replay histories.
/// </summary>
public sealed record OrchestrationState
{
    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>The current execution's id.</summary>
    public required string ExecutionId { get; init; }

    /// <summary>The runtime status.</summary>
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When the state last changed (UTC).</summary>
    public required DateTime LastUpdatedAt { get; init; }

    /// <summary>When the execution reached a terminal status (UTC).</summary>
    public DateTime? CompletedAt { get; init; }

    /// <summary>The serialized input.</summary>
    public string? Input { get; init; }

    /// <summary>The serialized output, once completed.</summary>
    public string? Output { get; init; }

    /// <summary>The serialized custom status set by the orchestrator.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>The failure, when the instance failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>The parent instance, for sub-orchestrations.</summary>
    public ParentInstance? ParentInstance { get; init; }

    /// <summary>When a delayed start is due.</summary>
    public DateTime? ScheduledStartTime { get; init; }

    /// <summary>
    /// The state of an instance that a client has created and that has not started: what every backend
    /// records in <see cref="IOrchestrationBackend.CreateInstanceAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="startMessage"/> does not carry an <see cref="ExecutionStartedEvent"/>.</exception>
    public static OrchestrationState Pending(TaskMessage startMessage, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(startMessage);
        if (startMessage.Event is not ExecutionStartedEvent started)
        {
            throw new ArgumentException("A start message carries an ExecutionStarted event.", nameof(startMessage));
        }

        return new OrchestrationState
        {
            InstanceId = startMessage.InstanceId,
            Name = started.Name,
            ExecutionId = started.ExecutionId,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            CreatedAt = now,
            LastUpdatedAt = now,
            Input = started.Input,
            ParentInstance = started.ParentInstance,
            ScheduledStartTime = started.ScheduledStartTime ?? startMessage.DeliverAt,
        };
    }

    /// <summary>Copies the state without its (possibly large) payloads.</summary>
    public OrchestrationState WithoutPayloads() => this with { Input = null, Output = null };
}
