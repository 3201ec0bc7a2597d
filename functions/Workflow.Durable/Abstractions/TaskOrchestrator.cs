namespace Workflow.Durable;

/// <summary>
/// The untyped form of an orchestrator, as the worker sees it. Implement
/// <see cref="TaskOrchestrator{TInput, TOutput}"/> instead.
/// </summary>
public interface ITaskOrchestrator
{
    /// <summary>The input type.</summary>
    Type InputType { get; }

    /// <summary>The output type.</summary>
    Type OutputType { get; }

    /// <summary>Runs the orchestrator with an already deserialized input.</summary>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>
/// An orchestrator: code that coordinates activities, timers, events and sub-orchestrations, and
/// whose progress is durable. It is replayed from its history on every turn, so it must be
/// deterministic: read time from <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, make
/// GUIDs with <see cref="TaskOrchestrationContext.NewGuid"/>, wait only on tasks the context gives,
/// and do no I/O (call an activity for that).
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc/>
    public Type InputType => typeof(TInput);

    /// <inheritdoc/>
    public Type OutputType => typeof(TOutput);

    /// <summary>The orchestration's code.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

/// <summary>
/// The untyped form of an activity, as the worker sees it. Implement
/// <see cref="TaskActivity{TInput, TOutput}"/> instead.
/// </summary>
public interface ITaskActivity
{
    /// <summary>The input type.</summary>
    Type InputType { get; }

    /// <summary>The output type.</summary>
    Type OutputType { get; }

    /// <summary>Runs the activity with an already deserialized input.</summary>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>
/// An activity: a unit of work with side effects (I/O, calls to services), called by orchestrators.
/// Activities run at least once: after a crash one may run again, so side effects must be idempotent,
/// for example keyed by <see cref="TaskActivityContext.IdempotencyKey"/>. Activities are created per
/// call from dependency injection, so they may take ordinary services in their constructor.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc/>
    public Type InputType => typeof(TInput);

    /// <inheritdoc/>
    public Type OutputType => typeof(TOutput);

    /// <summary>The activity's code.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!).ConfigureAwait(false);
}

/// <summary>What an activity knows of the call that runs it.</summary>
public sealed class TaskActivityContext
{
    /// <summary>Creates the context.</summary>
    public TaskActivityContext(string name, string instanceId, string executionId, int taskId, CancellationToken cancellationToken)
    {
        Name = name;
        InstanceId = instanceId;
        ExecutionId = executionId;
        TaskId = taskId;
        CancellationToken = cancellationToken;
    }

    /// <summary>The activity's name.</summary>
    public string Name { get; }

    /// <summary>The calling orchestration's instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The calling orchestration's execution id.</summary>
    public string ExecutionId { get; }

    /// <summary>The call's task id in the orchestration's history.</summary>
    public int TaskId { get; }

    /// <summary>Cancelled when the worker is shutting down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// A key that is the same for every run of this call (retries after a crash, replays) and different
    /// for every other call: instance id, execution id and task id. Pass it to external systems as their
    /// idempotency or repeatability key.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId}:{ExecutionId}:{TaskId}";
}
