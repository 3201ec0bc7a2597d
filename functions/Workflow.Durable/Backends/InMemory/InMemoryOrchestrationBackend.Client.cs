using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>Client side: create, message, read, query and purge instances.</summary>
public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// Writes a <see cref="OrchestrationRuntimeStatus.Pending"/> state at once. Replacing a terminal
    /// instance drops its old history; messages still in its inbox stay (they name the old execution
    /// and the worker discards them).
    /// </remarks>
    public Task CreateInstanceAsync(TaskMessage startMessage, CancellationToken cancellationToken = default)
    {
        var pending = OrchestrationState.Pending(startMessage, UtcNow);
        lock (gate)
        {
            var record = GetOrAddRecord(startMessage.InstanceId);
            if (record.State is { } existing && !existing.RuntimeStatus.IsTerminal())
            {
                throw new InstanceAlreadyExistsException(startMessage.InstanceId);
            }

            record.History = [];
            record.State = pending;
            Accept(startMessage, isActivity: false, isTimer: false);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A message to an instance that has not started (it does not exist, or its delayed start is not
    /// yet due) is accepted and kept: it is handed out together with the instance's start message once
    /// that arrives, in arrival order, so the worker may see it before the start. If the instance is
    /// never created, only <see cref="DeleteAsync"/> removes it.
    /// </remarks>
    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (gate)
        {
            Accept(message, isActivity: false, isTimer: false);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool fetchPayloads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        OrchestrationState? state;
        lock (gate)
        {
            state = instances.TryGetValue(instanceId, out var record) ? record.State : null;
        }

        return Task.FromResult(fetchPayloads ? state : state?.WithoutPayloads());
    }

    /// <inheritdoc/>
    /// <remarks>Instances come in ordinal order of their ids; the continuation token is the last id of the page.</remarks>
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        string? after = query.ContinuationToken;
        List<OrchestrationState> matches;
        lock (gate)
        {
            matches = [.. instances.Values
                .Select(record => record.State)
                .OfType<OrchestrationState>()
                .Where(state => (after is null || string.CompareOrdinal(state.InstanceId, after) > 0) && query.Matches(state))
                .OrderBy(state => state.InstanceId, StringComparer.Ordinal)
                .Take(query.PageSize + 1)];
        }

        bool more = matches.Count > query.PageSize;
        var page = matches
            .Take(query.PageSize)
            .Select(state => query.FetchPayloads ? state : state.WithoutPayloads())
            .ToList();
        return Task.FromResult(new InstancePage(page, more ? page[^1].InstanceId : null));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        lock (gate)
        {
            IReadOnlyList<HistoryEvent> history = instances.TryGetValue(instanceId, out var record) ? [.. record.History] : [];
            return Task.FromResult(history);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Also drops the instance's inbox and pending timers. A non-terminal instance is left alone (0 purged).</remarks>
    public Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        lock (gate)
        {
            if (!instances.TryGetValue(instanceId, out var record) || record.State is not { } state || !state.RuntimeStatus.IsTerminal())
            {
                return Task.FromResult(new PurgeResult(0));
            }

            Remove(record);
            return Task.FromResult(new PurgeResult(1));
        }
    }

    /// <inheritdoc/>
    public Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        lock (gate)
        {
            var purged = instances.Values
                .Where(record => record.State is { } state
                    && state.RuntimeStatus.IsTerminal()
                    && (filter.Statuses is null || filter.Statuses.Count == 0 || filter.Statuses.Contains(state.RuntimeStatus))
                    && (filter.CreatedFrom is null || state.CreatedAt >= filter.CreatedFrom)
                    && (filter.CreatedTo is null || state.CreatedAt < filter.CreatedTo))
                .ToList();
            foreach (var record in purged)
            {
                Remove(record);
            }

            return Task.FromResult(new PurgeResult(purged.Count));
        }
    }

    /// <summary>Forgets an instance. A worker still holding its lock finds the lock lost.</summary>
    private void Remove(InstanceRecord record)
    {
        instances.Remove(record.InstanceId);
        CancelTimers(record, _ => true);
        if (record.Lease?.Expiry is { } expiry)
        {
            schedule.Cancel(expiry);
        }
    }
}
