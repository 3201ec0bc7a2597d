using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Client;

/// <summary>
/// Starts, queries and manages orchestration instances: what HTTP endpoints, queue listeners and
/// operators use. Thread-safe; register one per task hub.
/// </summary>
public sealed class DurableTaskClient
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromMilliseconds(500);
    private readonly IOrchestrationBackend _backend;
    private readonly DataConverter _converter;

    /// <summary>Creates a client over <paramref name="backend"/>.</summary>
    public DurableTaskClient(IOrchestrationBackend backend, DataConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _converter = converter ?? JsonDataConverter.Default;
    }

    private DateTime Now => _backend.TimeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Schedules a new instance of <paramref name="orchestratorName"/> and returns its id. Throws
    /// <see cref="InstanceAlreadyExistsException"/> when the id is taken by an instance that has not ended.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var executionId = Guid.NewGuid().ToString("N");
        var startAt = options?.StartAt?.UtcDateTime;
        var started = new ExecutionStartedEvent(orchestratorName, _converter.Serialize(input), executionId, null, startAt) { Timestamp = Now };
        await _backend.CreateInstanceAsync(new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, executionId, started, startAt), cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>
    /// Raises an external event. Events sent before the instance waits for them, or before it starts,
    /// are kept and delivered in order.
    /// </summary>
    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(eventName, _converter.Serialize(eventPayload)), cancellationToken);
    }

    /// <summary>Reads an instance; null when there is none.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await _backend.GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false);
        return state is null ? null : new OrchestrationMetadata(state, _converter);
    }

    /// <summary>Reads one page of instances matching <paramref name="query"/>.</summary>
    public async Task<OrchestrationQueryPage> QueryInstancesAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await _backend.QueryInstancesAsync(new InstanceQuery
        {
            Statuses = query.Statuses,
            Name = query.Name,
            InstanceIdPrefix = query.InstanceIdPrefix,
            CreatedFrom = query.CreatedFrom?.UtcDateTime,
            CreatedTo = query.CreatedTo?.UtcDateTime,
            FetchPayloads = query.FetchInputsAndOutputs,
            PageSize = query.PageSize,
            ContinuationToken = query.ContinuationToken,
        }, cancellationToken).ConfigureAwait(false);
        return new OrchestrationQueryPage(page.Instances.Select(s => new OrchestrationMetadata(s, _converter)).ToList(), page.ContinuationToken);
    }

    /// <summary>Reads every instance matching <paramref name="query"/>, page by page.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        OrchestrationQuery? query = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = query ?? new OrchestrationQuery();
        while (true)
        {
            var page = await QueryInstancesAsync(next, cancellationToken).ConfigureAwait(false);
            foreach (var instance in page.Instances)
            {
                yield return instance;
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }

            next = next with { ContinuationToken = page.ContinuationToken };
        }
    }

    /// <summary>Reads the current execution's history, oldest first.</summary>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return _backend.GetHistoryAsync(instanceId, cancellationToken);
    }

    /// <summary>Waits until the instance has started (or ended); null when it does not exist.</summary>
    public Task<OrchestrationMetadata?> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, s => s != OrchestrationRuntimeStatus.Pending, cancellationToken);

    /// <summary>Waits until the instance reaches a terminal status; null when it does not exist.</summary>
    public Task<OrchestrationMetadata?> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default) =>
        WaitAsync(instanceId, getInputsAndOutputs, s => s.IsTerminal(), cancellationToken);

    /// <summary>Suspends an instance: it holds new events until resumed.</summary>
    public Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(reason), cancellationToken);

    /// <summary>Resumes a suspended instance.</summary>
    public Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(reason), cancellationToken);

    /// <summary>Terminates an instance; <paramref name="output"/> becomes its output.</summary>
    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        SendAsync(instanceId, new ExecutionTerminatedEvent(_converter.Serialize(output)), cancellationToken);

    /// <summary>
    /// Starts an ended instance again with its original input, under the same id or a new one; returns
    /// the id. Throws <see cref="ArgumentException"/> when the instance does not exist.
    /// </summary>
    public async Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellationToken = default)
    {
        var state = await _backend.GetInstanceAsync(instanceId, fetchPayloads: true, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"There is no orchestration instance '{instanceId}'.", nameof(instanceId));
        var executionId = Guid.NewGuid().ToString("N");
        var newId = restartWithNewInstanceId ? Guid.NewGuid().ToString("N") : instanceId;
        var started = new ExecutionStartedEvent(state.Name, state.Input, executionId) { Timestamp = Now };
        await _backend.CreateInstanceAsync(new TaskMessage(Guid.NewGuid().ToString("N"), newId, executionId, started), cancellationToken).ConfigureAwait(false);
        return newId;
    }

    /// <summary>Removes an ended instance's history and state.</summary>
    public Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return _backend.PurgeInstanceAsync(instanceId, cancellationToken);
    }

    /// <summary>Removes every ended instance matching <paramref name="filter"/>.</summary>
    public Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return _backend.PurgeInstancesAsync(filter, cancellationToken);
    }

    private Task SendAsync(string instanceId, HistoryEvent e, CancellationToken cancellationToken) =>
        _backend.SendMessageAsync(new TaskMessage(Guid.NewGuid().ToString("N"), instanceId, null, e with { Timestamp = Now }), cancellationToken);

    private async Task<OrchestrationMetadata?> WaitAsync(string instanceId, bool payloads, Func<OrchestrationRuntimeStatus, bool> done, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var state = await _backend.GetInstanceAsync(instanceId, payloads, cancellationToken).ConfigureAwait(false);
            if (state is null || done(state.RuntimeStatus))
            {
                return state is null ? null : new OrchestrationMetadata(state, _converter);
            }

            // Real time, not the backend's clock: a test may hold the backend's clock still while it waits.
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxPollInterval.Ticks));
        }
    }
}
