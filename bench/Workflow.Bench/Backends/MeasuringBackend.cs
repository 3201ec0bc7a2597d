using System.Collections.Concurrent;
using Workflow.Durable;
using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Bench.Backends;

/// <summary>
/// Wraps the measured backend to record, on real time, when each instance's final turn finished
/// committing (the state's CompletedAt is the turn's start time, which would leave the last turn's
/// replay and commit out of the measurement), and how long the worker spent inside commit calls.
/// </summary>
internal sealed class MeasuringBackend(IOrchestrationBackend inner) : IOrchestrationBackend
{
    private readonly ConcurrentDictionary<string, DateTime> _completedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _committed = new(StringComparer.Ordinal);
    private long _commitTicks;
    private long _commits;

    public TimeProvider TimeProvider => inner.TimeProvider;

    /// <summary>Total time spent in <see cref="CompleteOrchestrationWorkItemAsync"/>, and how many calls.</summary>
    public (TimeSpan Total, long Count) CommitTime => (TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)), Interlocked.Read(ref _commits));

    /// <summary>When the commit that ended <paramref name="instanceId"/> returned, if it has.</summary>
    public DateTime? CompletedAt(string instanceId) => _completedAt.TryGetValue(instanceId, out var at) ? at : null;

    /// <summary>Whether a turn of <paramref name="instanceId"/> has been committed through this process.</summary>
    public bool HasCommitted(string instanceId) => _committed.ContainsKey(instanceId);

    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(commit);
        var started = TimeProvider.System.GetTimestamp();
        await inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken);
        Interlocked.Add(ref _commitTicks, TimeProvider.System.GetElapsedTime(started).Ticks);
        Interlocked.Increment(ref _commits);
        _committed.TryAdd(workItem.InstanceId, true);
        if (commit.State.RuntimeStatus.IsTerminal())
        {
            _completedAt[workItem.InstanceId] = TimeProvider.System.GetUtcNow().UtcDateTime;
        }
    }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => inner.CreateIfNotExistsAsync(cancellationToken);

    public Task DeleteAsync(CancellationToken cancellationToken = default) => inner.DeleteAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken) =>
        inner.LockNextOrchestrationWorkItemAsync(cancellationToken);

    public Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default) =>
        inner.AbandonOrchestrationWorkItemAsync(workItem, failure, cancellationToken);

    public Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken) =>
        inner.LockNextActivityWorkItemAsync(cancellationToken);

    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken = default) =>
        inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);

    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default) =>
        inner.AbandonActivityWorkItemAsync(workItem, failure, cancellationToken);

    public Task CreateInstanceAsync(TaskMessage startMessage, CancellationToken cancellationToken = default) =>
        inner.CreateInstanceAsync(startMessage, cancellationToken);

    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken = default) =>
        inner.SendMessageAsync(message, cancellationToken);

    public Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool fetchPayloads, CancellationToken cancellationToken = default) =>
        inner.GetInstanceAsync(instanceId, fetchPayloads, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) =>
        inner.QueryInstancesAsync(query, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(instanceId, cancellationToken);

    public Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.PurgeInstanceAsync(instanceId, cancellationToken);

    public Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default) =>
        inner.PurgeInstancesAsync(filter, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
