using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.History;

namespace Workflow.Durable.Tests.Backends.InMemory;

/// <summary>An in-memory backend on a fake clock, with builders for the messages and commits a worker would produce.</summary>
internal sealed class BackendHarness : IAsyncDisposable
{
    public const string ExecutionId = "exec-1";

    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan ActivityLockTimeout = TimeSpan.FromMinutes(5);

    public BackendHarness(IFaultInjector? faults = null, int maxDeliveryCount = 5)
    {
        Backend = new InMemoryOrchestrationBackend(new InMemoryBackendOptions
        {
            TimeProvider = Time,
            FaultInjector = faults ?? NoFaults.Instance,
            LockTimeout = LockTimeout,
            ActivityLockTimeout = ActivityLockTimeout,
            MaxDeliveryCount = maxDeliveryCount,
        });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public InMemoryOrchestrationBackend Backend { get; }

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    public static TaskMessage Start(string instanceId, string executionId = ExecutionId, DateTime? deliverAt = null) =>
        new($"start:{instanceId}:{executionId}", instanceId, executionId, new ExecutionStartedEvent("Lifecycle", "\"input\"", executionId), deliverAt);

    public static TaskMessage Event(string instanceId, string name) =>
        new($"event:{instanceId}:{name}", instanceId, null, new EventRaisedEvent(name, null));

    public static TaskMessage Timer(string instanceId, int timerId, DateTime fireAt) =>
        new($"timer:{instanceId}:{timerId}", instanceId, ExecutionId, new TimerFiredEvent(timerId, fireAt), fireAt);

    public static TaskMessage Activity(string instanceId, int taskId) =>
        new($"activity:{instanceId}:{taskId}", instanceId, ExecutionId, new TaskScheduledEvent("SendSms", null) { EventId = taskId });

    public static TaskMessage ActivityResult(string instanceId, int taskId) =>
        new($"result:{instanceId}:{taskId}", instanceId, ExecutionId, new TaskCompletedEvent(taskId, "\"ok\""));

    public OrchestrationState State(string instanceId, OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running) => new()
    {
        InstanceId = instanceId,
        Name = "Lifecycle",
        ExecutionId = ExecutionId,
        RuntimeStatus = status,
        CreatedAt = Now,
        LastUpdatedAt = Now,
        CompletedAt = status.IsTerminal() ? Now : null,
        Input = "\"input\"",
        Output = status.IsTerminal() ? "\"done\"" : null,
    };

    /// <summary>A turn that appends one event per message and moves to <paramref name="status"/>.</summary>
    public OrchestrationCommit Commit(
        OrchestrationWorkItem workItem,
        OrchestrationRuntimeStatus status = OrchestrationRuntimeStatus.Running,
        IReadOnlyList<TaskMessage>? activities = null,
        IReadOnlyList<TaskMessage>? timers = null,
        IReadOnlyList<int>? cancelledTimers = null) => new()
        {
            NewEvents = [.. workItem.NewMessages.Select(message => message.Event with { MessageId = message.MessageId })],
            State = State(workItem.InstanceId, status),
            ActivityMessages = activities ?? [],
            TimerMessages = timers ?? [],
            CancelledTimerIds = cancelledTimers ?? [],
        };

    /// <summary>Locks the next instance, failing the test if none comes within a few seconds.</summary>
    public async Task<OrchestrationWorkItem> LockAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Backend.LockNextOrchestrationWorkItemAsync(timeout.Token)
            ?? throw new TimeoutException("No orchestration work item was delivered.");
    }

    /// <summary>
    /// Looks for a ready instance; only for asserting that there is none. Delivery on the fake clock
    /// happens inside <see cref="FakeTimeProvider.Advance"/>, so nothing can turn up after the short wait.
    /// </summary>
    public async Task<OrchestrationWorkItem?> TryLockAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        return await Backend.LockNextOrchestrationWorkItemAsync(timeout.Token);
    }

    /// <summary>Locks the next activity request, failing the test if none comes within a few seconds.</summary>
    public async Task<ActivityWorkItem> LockActivityAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Backend.LockNextActivityWorkItemAsync(timeout.Token)
            ?? throw new TimeoutException("No activity work item was delivered.");
    }

    /// <summary>Looks for an activity request; only for asserting that there is none (see <see cref="TryLockAsync"/>).</summary>
    public async Task<ActivityWorkItem?> TryLockActivityAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        return await Backend.LockNextActivityWorkItemAsync(timeout.Token);
    }

    /// <summary>Creates an instance and runs its first turn, leaving it Running with nothing pending.</summary>
    public async Task<OrchestrationWorkItem> StartRunningAsync(string instanceId, IReadOnlyList<TaskMessage>? timers = null)
    {
        await Backend.CreateInstanceAsync(Start(instanceId));
        var workItem = await LockAsync();
        await Backend.CompleteOrchestrationWorkItemAsync(workItem, Commit(workItem, timers: timers));
        return workItem;
    }

    /// <summary>Creates an instance and runs its first turn, which schedules activities with the given task ids.</summary>
    public async Task StartWithActivitiesAsync(string instanceId, params int[] taskIds)
    {
        await Backend.CreateInstanceAsync(Start(instanceId));
        var workItem = await LockAsync();
        var activities = taskIds.Select(taskId => Activity(instanceId, taskId)).ToList();
        await Backend.CompleteOrchestrationWorkItemAsync(workItem, Commit(workItem, activities: activities));
    }

    /// <summary>Creates an instance and sends it an event, so its inbox holds two messages.</summary>
    public async Task CreateWithEventAsync(string instanceId)
    {
        await Backend.CreateInstanceAsync(Start(instanceId));
        await Backend.SendMessageAsync(Event(instanceId, "Note"));
    }

    public ValueTask DisposeAsync() => Backend.DisposeAsync();
}
