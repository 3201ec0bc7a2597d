using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>The client side: creating instances, sending messages, reading and purging.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc/>
    public async Task CreateInstanceAsync(TaskMessage startMessage, CancellationToken cancellationToken = default)
    {
        var state = OrchestrationState.Pending(startMessage, _options.TimeProvider.GetUtcNow().UtcDateTime);
        await _instances.CreatePendingAsync(state, cancellationToken).ConfigureAwait(false);
        await SendControlMessageAsync(startMessage, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendControlMessageAsync(message, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool fetchPayloads, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var entity = await _instances.GetEntityAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : await _instances.ToStateAsync(entity, fetchPayloads, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _instances.QueryAsync(query, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var snapshot = await _history.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return snapshot.History;
    }

    /// <inheritdoc/>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var entity = await _instances.GetEntityAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (entity is null || !InstanceStore.ParseStatus(entity).IsTerminal())
        {
            return new PurgeResult(0);
        }

        await PurgeAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return new PurgeResult(1);
    }

    /// <inheritdoc/>
    public async Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var terminal = Enum.GetValues<OrchestrationRuntimeStatus>().Where(s => s.IsTerminal());
        var statuses = filter.Statuses is { Count: > 0 } wanted ? terminal.Intersect(wanted).ToList() : terminal.ToList();
        if (statuses.Count == 0)
        {
            return new PurgeResult(0);
        }

        var rows = await _instances.ListAsync(InstanceStore.BuildFilter(statuses, null, null, filter.CreatedFrom, filter.CreatedTo), cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await PurgeAsync(row.PartitionKey, cancellationToken).ConfigureAwait(false);
        }

        return new PurgeResult(rows.Count);
    }

    /// <summary>How many large-payload blobs an instance has (for tests and diagnostics).</summary>
    internal Task<int> CountBlobsAsync(string instanceId, CancellationToken cancellationToken) =>
        _payloads.Blobs.CountInstanceBlobsAsync(instanceId, cancellationToken);

    private async Task PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        _cache.TryRemove(instanceId, out _);
        await _history.DeleteAllAsync(instanceId, cancellationToken).ConfigureAwait(false);
        await DeleteInstanceTimersAsync(instanceId, cancellationToken).ConfigureAwait(false);
        await _payloads.Blobs.DeleteInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        await _instances.DeleteAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteInstanceTimersAsync(string instanceId, CancellationToken cancellationToken)
    {
        var partition = _storage.PartitionOf(instanceId);
        var key = Sanitize(instanceId) + "|";
        var end = Sanitize(instanceId) + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TaskHubStorage.PartitionName(partition)} and RowKey ge {key} and RowKey lt {end}");
        await foreach (var row in _storage.Timers.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await DeleteTimerRowAsync(new ScheduledTimer(partition, row.RowKey, default, null!), cancellationToken).ConfigureAwait(false);
        }
    }
}
