using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.History;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>Builds backends on fresh task hubs and the messages and commits a worker would produce.</summary>
internal static class BackendTestKit
{
    public static string NewHubName() => "t" + Guid.NewGuid().ToString("N")[..16];

    public static async Task<AzureStorageOrchestrationBackend> StartBackendAsync(
        string connectionString, string hub, Action<AzureStorageBackendOptions>? configure = null, bool start = true)
    {
        var options = new AzureStorageBackendOptions
        {
            ConnectionString = connectionString,
            TaskHubName = hub,
            // Long enough that a loaded machine never redelivers a message a test still holds; tests that
            // crash a host on purpose shorten it with ShortVisibility.
            ControlMessageVisibilityTimeout = TimeSpan.FromSeconds(20),
            ActivityVisibilityTimeout = TimeSpan.FromSeconds(20),
            RetryBackoff = TimeSpan.Zero,
            MaxPollingInterval = TimeSpan.FromMilliseconds(200),
            LeaseDuration = TimeSpan.FromSeconds(3),
            LeaseRenewInterval = TimeSpan.FromMilliseconds(500),
            DrainTimeout = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        var backend = new AzureStorageOrchestrationBackend(options);
        await backend.CreateIfNotExistsAsync();
        if (start)
        {
            await backend.StartAsync();
        }

        return backend;
    }

    /// <summary>Messages a crashed host held reappear after two seconds, so crash tests run quickly.</summary>
    public static void ShortVisibility(AzureStorageBackendOptions options)
    {
        options.ControlMessageVisibilityTimeout = TimeSpan.FromSeconds(2);
        options.ActivityVisibilityTimeout = TimeSpan.FromSeconds(2);
    }

    public static TaskMessage StartMessage(string instanceId, string? input = "\"in\"", string executionId = "e1", DateTime? deliverAt = null) =>
        new($"{instanceId}:start:{executionId}", instanceId, null,
            new ExecutionStartedEvent("Orchestrator", input, executionId) { MessageId = $"{instanceId}:start:{executionId}" },
            deliverAt);

    public static OrchestrationState State(string instanceId, OrchestrationRuntimeStatus status, DateTime now, string? input = "\"in\"", string? output = null) => new()
    {
        InstanceId = instanceId,
        Name = "Orchestrator",
        ExecutionId = "e1",
        RuntimeStatus = status,
        CreatedAt = now,
        LastUpdatedAt = now,
        CompletedAt = status.IsTerminal() ? now : null,
        Input = input,
        Output = output,
    };

    /// <summary>The first turn: record the start and schedule one activity.</summary>
    public static OrchestrationCommit FirstTurn(OrchestrationWorkItem item, DateTime now, string? activityInput = "1")
    {
        var started = item.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();
        var scheduled = new TaskScheduledEvent("Activity", activityInput) { EventId = 0, Timestamp = now };
        return new OrchestrationCommit
        {
            NewExecution = true,
            NewEvents = [started, new OrchestratorStartedEvent { Timestamp = now }, scheduled, new OrchestratorCompletedEvent { Timestamp = now }],
            State = State(item.InstanceId, OrchestrationRuntimeStatus.Running, now, started.Input),
            ActivityMessages = [new TaskMessage($"{item.InstanceId}:task:0", item.InstanceId, "e1", scheduled)],
        };
    }

    public static TaskMessage ActivityResult(ActivityWorkItem item, string? result) =>
        new($"{item.Message.InstanceId}:result:{item.Scheduled.EventId}", item.Message.InstanceId, item.Message.ExecutionId,
            new TaskCompletedEvent(item.Scheduled.EventId, result) { MessageId = $"{item.Message.InstanceId}:result:{item.Scheduled.EventId}" });

    /// <summary>The last turn: record the messages and complete with <paramref name="output"/>.</summary>
    public static OrchestrationCommit FinalTurn(OrchestrationWorkItem item, DateTime now, string? output)
    {
        var events = new List<HistoryEvent> { new OrchestratorStartedEvent { Timestamp = now } };
        events.AddRange(item.NewMessages.Select(m => m.Event));
        events.Add(new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, output) { Timestamp = now });
        events.Add(new OrchestratorCompletedEvent { Timestamp = now });
        return new OrchestrationCommit
        {
            NewEvents = events,
            State = State(item.InstanceId, OrchestrationRuntimeStatus.Completed, now, item.State?.Input, output),
        };
    }

    public static async Task<OrchestrationWorkItem?> LockAsync(IOrchestrationBackend backend, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await backend.LockNextOrchestrationWorkItemAsync(cts.Token);
    }

    public static async Task<ActivityWorkItem?> LockActivityAsync(IOrchestrationBackend backend, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await backend.LockNextActivityWorkItemAsync(cts.Token);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>Crashes once at one fault point, the first time it is reached while armed.</summary>
internal sealed class CrashOnce(FaultPoint point, bool armed = true) : IFaultInjector
{
    private int _fired;
    private volatile bool _armed = armed;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>From now on the next time the point is reached it crashes.</summary>
    public void Arm() => _armed = true;

    public void OnStep(FaultPoint point1, string instanceId)
    {
        if (_armed && point1 == point && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            throw new SimulatedCrashException(point1, instanceId);
        }
    }
}
