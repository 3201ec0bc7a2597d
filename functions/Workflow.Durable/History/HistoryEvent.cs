using System.Text.Json.Serialization;

namespace Workflow.Durable.History;

/// <summary>
/// One event in an orchestration's history. An orchestration's state is nothing but its ordered
/// history: replaying these events through the orchestrator code rebuilds it exactly. Names and
/// fields follow the Durable Task Framework's history events so tools that read those can read these.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "EventType")]
[JsonDerivedType(typeof(ExecutionStartedEvent), nameof(EventType.ExecutionStarted))]
[JsonDerivedType(typeof(ExecutionCompletedEvent), nameof(EventType.ExecutionCompleted))]
[JsonDerivedType(typeof(ExecutionTerminatedEvent), nameof(EventType.ExecutionTerminated))]
[JsonDerivedType(typeof(ExecutionSuspendedEvent), nameof(EventType.ExecutionSuspended))]
[JsonDerivedType(typeof(ExecutionResumedEvent), nameof(EventType.ExecutionResumed))]
[JsonDerivedType(typeof(OrchestratorStartedEvent), nameof(EventType.OrchestratorStarted))]
[JsonDerivedType(typeof(OrchestratorCompletedEvent), nameof(EventType.OrchestratorCompleted))]
[JsonDerivedType(typeof(TaskScheduledEvent), nameof(EventType.TaskScheduled))]
[JsonDerivedType(typeof(TaskCompletedEvent), nameof(EventType.TaskCompleted))]
[JsonDerivedType(typeof(TaskFailedEvent), nameof(EventType.TaskFailed))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreatedEvent), nameof(EventType.SubOrchestrationInstanceCreated))]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompletedEvent), nameof(EventType.SubOrchestrationInstanceCompleted))]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailedEvent), nameof(EventType.SubOrchestrationInstanceFailed))]
[JsonDerivedType(typeof(TimerCreatedEvent), nameof(EventType.TimerCreated))]
[JsonDerivedType(typeof(TimerFiredEvent), nameof(EventType.TimerFired))]
[JsonDerivedType(typeof(TimerCancelledEvent), nameof(EventType.TimerCancelled))]
[JsonDerivedType(typeof(EventRaisedEvent), nameof(EventType.EventRaised))]
[JsonDerivedType(typeof(EventSentEvent), nameof(EventType.EventSent))]
public abstract record HistoryEvent
{
    /// <summary>
    /// The task id for events that record an action of the orchestrator (scheduled task, timer,
    /// sub-orchestration, sent event); -1 for events that arrive from outside.
    /// </summary>
    public int EventId { get; init; } = -1;

    /// <summary>When the event was recorded (UTC), read from the runtime's <see cref="TimeProvider"/>.</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>
    /// The id of the message that carried the event into the history, for events that arrive as
    /// messages. A message id already in the history marks a duplicate delivery, which is discarded.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>The kind of event.</summary>
    [JsonIgnore]
    public abstract EventType EventType { get; }
}

/// <summary>The kinds of <see cref="HistoryEvent"/>.</summary>
public enum EventType
{
#pragma warning disable CS1591 // The names are the event records', documented there.
    ExecutionStarted,
    ExecutionCompleted,
    ExecutionTerminated,
    ExecutionSuspended,
    ExecutionResumed,
    OrchestratorStarted,
    OrchestratorCompleted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    SubOrchestrationInstanceCreated,
    SubOrchestrationInstanceCompleted,
    SubOrchestrationInstanceFailed,
    TimerCreated,
    TimerFired,
    TimerCancelled,
    EventRaised,
    EventSent,
#pragma warning restore CS1591
}

/// <summary>The parent of a sub-orchestration, so its completion can be reported back.</summary>
/// <param name="InstanceId">The parent's instance id.</param>
/// <param name="ExecutionId">The parent's execution id.</param>
/// <param name="TaskScheduledId">The task id of the sub-orchestration call in the parent.</param>
/// <param name="Name">The parent's orchestrator name.</param>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId, string Name);

/// <summary>The first event of an execution: which orchestrator runs, with what input.</summary>
public sealed record ExecutionStartedEvent(
    string Name,
    string? Input,
    string ExecutionId,
    ParentInstance? ParentInstance = null,
    DateTime? ScheduledStartTime = null,
    IReadOnlyDictionary<string, string>? Tags = null) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.ExecutionStarted;
}

/// <summary>The execution ended: completed, failed, or continued as new.</summary>
public sealed record ExecutionCompletedEvent(
    OrchestrationRuntimeStatus OrchestrationStatus,
    string? Result,
    TaskFailureDetails? FailureDetails = null) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.ExecutionCompleted;

    /// <summary>
    /// On continue-as-new, the external events received and not consumed that go to the next
    /// execution; kept here so a retried turn can send them again.
    /// </summary>
    public IReadOnlyList<EventRaisedEvent>? CarriedEvents { get; init; }
}

/// <summary>A client terminated the instance.</summary>
public sealed record ExecutionTerminatedEvent(string? Input) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.ExecutionTerminated;
}

/// <summary>A client suspended the instance; later events are held until it resumes.</summary>
public sealed record ExecutionSuspendedEvent(string? Reason) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.ExecutionSuspended;
}

/// <summary>A client resumed a suspended instance.</summary>
public sealed record ExecutionResumedEvent(string? Reason) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.ExecutionResumed;
}

/// <summary>Marks the start of a turn; its timestamp is the orchestration's current time during the turn.</summary>
public sealed record OrchestratorStartedEvent : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.OrchestratorStarted;
}

/// <summary>Marks the end of a turn.</summary>
public sealed record OrchestratorCompletedEvent : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.OrchestratorCompleted;
}

/// <summary>The orchestrator scheduled an activity (its <see cref="HistoryEvent.EventId"/> is the task id).</summary>
public sealed record TaskScheduledEvent(string Name, string? Input) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.TaskScheduled;
}

/// <summary>An activity completed with a result.</summary>
public sealed record TaskCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.TaskCompleted;
}

/// <summary>An activity failed.</summary>
public sealed record TaskFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.TaskFailed;
}

/// <summary>The orchestrator started a sub-orchestration.</summary>
public sealed record SubOrchestrationInstanceCreatedEvent(string Name, string InstanceId, string? Input) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.SubOrchestrationInstanceCreated;
}

/// <summary>A sub-orchestration completed.</summary>
public sealed record SubOrchestrationInstanceCompletedEvent(int TaskScheduledId, string? Result) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.SubOrchestrationInstanceCompleted;
}

/// <summary>A sub-orchestration failed (or was terminated).</summary>
public sealed record SubOrchestrationInstanceFailedEvent(int TaskScheduledId, TaskFailureDetails FailureDetails) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.SubOrchestrationInstanceFailed;
}

/// <summary>The orchestrator created a durable timer that fires at <see cref="FireAt"/>.</summary>
public sealed record TimerCreatedEvent(DateTime FireAt) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.TimerCreated;
}

/// <summary>A durable timer fired.</summary>
public sealed record TimerFiredEvent(int TimerId, DateTime FireAt) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.TimerFired;
}

/// <summary>The orchestrator cancelled a timer before it fired; the backend removes it.</summary>
public sealed record TimerCancelledEvent(int TimerId) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.TimerCancelled;
}

/// <summary>An external event was raised to the instance.</summary>
public sealed record EventRaisedEvent(string Name, string? Input) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.EventRaised;
}

/// <summary>The orchestrator sent an event to another instance.</summary>
public sealed record EventSentEvent(string InstanceId, string Name, string? Input) : HistoryEvent
{
    /// <inheritdoc/>
    [JsonIgnore]
    public override EventType EventType => EventType.EventSent;
}
