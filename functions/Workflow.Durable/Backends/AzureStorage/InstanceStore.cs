using Azure;
using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// The <c>{hub}Instances</c> table: one row per instance (partition key = instance id, empty row key)
/// with Durable Task's column names, the projection that queries read.
/// </summary>
internal sealed class InstanceStore(TableClient table, PayloadStore payloads, StorageStatistics statistics)
{
    public async Task<TableEntity> ToEntityAsync(OrchestrationState state, ISet<string>? knownBlobs, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(state.InstanceId, string.Empty)
        {
            ["Name"] = state.Name,
            ["ExecutionId"] = state.ExecutionId,
            ["RuntimeStatus"] = state.RuntimeStatus.ToString(),
            ["CreatedTime"] = Utc(state.CreatedAt),
            ["LastUpdatedTime"] = Utc(state.LastUpdatedAt),
        };
        if (state.CompletedAt is { } completed)
        {
            entity["CompletedTime"] = Utc(completed);
        }

        if (state.ScheduledStartTime is { } scheduled)
        {
            entity["ScheduledStartTime"] = Utc(scheduled);
        }

        if (state.ParentInstance is { } parent)
        {
            entity["ParentInstance"] = StorageJson.Serialize(parent);
        }

        var limit = LargePayloadStore.MaxInlineTableChars;
        await payloads.SetAsync(entity, "Input", state.Input, state.InstanceId, limit, knownBlobs, cancellationToken).ConfigureAwait(false);
        await payloads.SetAsync(entity, "Output", state.Output, state.InstanceId, limit, knownBlobs, cancellationToken).ConfigureAwait(false);
        await payloads.SetAsync(entity, "CustomStatus", state.CustomStatus, state.InstanceId, limit, knownBlobs, cancellationToken).ConfigureAwait(false);
        var failure = state.FailureDetails is null ? null : StorageJson.Serialize(state.FailureDetails);
        await payloads.SetAsync(entity, "FailureDetails", failure, state.InstanceId, limit, knownBlobs, cancellationToken).ConfigureAwait(false);
        return entity;
    }

    public async Task UpsertAsync(OrchestrationState state, ISet<string>? knownBlobs, CancellationToken cancellationToken)
    {
        var entity = await ToEntityAsync(state, knownBlobs, cancellationToken).ConfigureAwait(false);
        statistics.Count(StorageOperation.TableWrite);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the instance row up to the state the history's sentinel holds, when a crash between the history
    /// commit and the row's upsert left it behind. The write is conditional on the row read here (its ETag),
    /// so a concurrent client create or a newer upsert wins; a pending row of another execution is a client's
    /// re-creation waiting for its start and is left alone.
    /// </summary>
    public async Task<InstanceRowRepair> RepairAsync(OrchestrationState state, ISet<string>? knownBlobs, CancellationToken cancellationToken)
    {
        var row = await GetEntityAsync(state.InstanceId, cancellationToken).ConfigureAwait(false);
        if (row is not null && !IsBehind(row, state))
        {
            return ShowsSame(row, state) ? InstanceRowRepair.Current : InstanceRowRepair.LeftAlone;
        }

        var entity = await ToEntityAsync(state, knownBlobs, cancellationToken).ConfigureAwait(false);
        statistics.Count(StorageOperation.TableWrite);
        try
        {
            if (row is null)
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return InstanceRowRepair.Repaired;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return InstanceRowRepair.LeftAlone; // someone wrote the row since: theirs is at least as new
        }
    }

    /// <summary>Whether the row shows a client what <paramref name="state"/> would (its last-updated time aside).</summary>
    private static bool ShowsSame(TableEntity row, OrchestrationState state) =>
        ParseStatus(row) == state.RuntimeStatus &&
        (row.GetString("ExecutionId") ?? string.Empty) == state.ExecutionId &&
        (row.GetString("CustomStatusBlobName") is not null || row.GetString("CustomStatus") == state.CustomStatus);

    /// <summary>
    /// Whether an instance row shows an older state than the history's <paramref name="state"/>. Only the
    /// history moves an instance on, and the row is written from it after each commit, so a row that
    /// differs is behind, with one exception: a pending row of another execution, which a client wrote
    /// when it created the instance again. No clocks are compared: the client's and a worker's may differ.
    /// </summary>
    internal static bool IsBehind(TableEntity row, OrchestrationState state)
    {
        var executionId = row.GetString("ExecutionId") ?? string.Empty;
        if (ParseStatus(row) == OrchestrationRuntimeStatus.Pending && executionId != state.ExecutionId)
        {
            return false;
        }

        return !ShowsSame(row, state);
    }

    public async Task<TableEntity?> GetEntityAsync(string instanceId, CancellationToken cancellationToken)
    {
        statistics.Count(StorageOperation.TableRead);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(instanceId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Writes a new pending row, failing with <see cref="InstanceAlreadyExistsException"/> when a non-terminal
    /// one exists. A new id costs one insert; only an id in use is read first, to replace a terminal row.
    /// </summary>
    public async Task CreatePendingAsync(OrchestrationState state, CancellationToken cancellationToken)
    {
        var entity = await ToEntityAsync(state, null, cancellationToken).ConfigureAwait(false);
        try
        {
            statistics.Count(StorageOperation.TableWrite);
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The id is in use: replace the row only if its instance has ended.
        }

        var existing = await GetEntityAsync(state.InstanceId, cancellationToken).ConfigureAwait(false);
        if (existing is null || !ParseStatus(existing).IsTerminal())
        {
            // Running, or deleted by a purge between the two calls (a retry by the caller creates it).
            throw new InstanceAlreadyExistsException(state.InstanceId);
        }

        try
        {
            statistics.Count(StorageOperation.TableWrite);
            await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            // Another client created or replaced it between our read and write.
            throw new InstanceAlreadyExistsException(state.InstanceId);
        }
    }

    public async Task<OrchestrationState> ToStateAsync(TableEntity entity, bool fetchPayloads, CancellationToken cancellationToken)
    {
        var failure = await payloads.GetAsync(entity, "FailureDetails", null, cancellationToken).ConfigureAwait(false);
        var parent = entity.GetString("ParentInstance");
        return new OrchestrationState
        {
            InstanceId = entity.PartitionKey,
            Name = entity.GetString("Name") ?? string.Empty,
            ExecutionId = entity.GetString("ExecutionId") ?? string.Empty,
            RuntimeStatus = ParseStatus(entity),
            CreatedAt = entity.GetDateTimeOffset("CreatedTime")?.UtcDateTime ?? default,
            LastUpdatedAt = entity.GetDateTimeOffset("LastUpdatedTime")?.UtcDateTime ?? default,
            CompletedAt = entity.GetDateTimeOffset("CompletedTime")?.UtcDateTime,
            ScheduledStartTime = entity.GetDateTimeOffset("ScheduledStartTime")?.UtcDateTime,
            FailureDetails = failure is null ? null : StorageJson.Deserialize<TaskFailureDetails>(failure),
            ParentInstance = parent is null ? null : StorageJson.Deserialize<ParentInstance>(parent),
            CustomStatus = await payloads.GetAsync(entity, "CustomStatus", null, cancellationToken).ConfigureAwait(false),
            Input = fetchPayloads ? await payloads.GetAsync(entity, "Input", null, cancellationToken).ConfigureAwait(false) : null,
            Output = fetchPayloads ? await payloads.GetAsync(entity, "Output", null, cancellationToken).ConfigureAwait(false) : null,
        };
    }

    public async Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        var filter = BuildFilter(query.Statuses, query.Name, query.InstanceIdPrefix, query.CreatedFrom, query.CreatedTo);
        var pageSize = Math.Clamp(query.PageSize, 1, 1000);
        statistics.Count(StorageOperation.TableRead);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(query.ContinuationToken, pageSize).ConfigureAwait(false))
        {
            var states = new List<OrchestrationState>(page.Values.Count);
            foreach (var entity in page.Values)
            {
                states.Add(await ToStateAsync(entity, query.FetchPayloads, cancellationToken).ConfigureAwait(false));
            }

            return new InstancePage(states, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new InstancePage([], null);
    }

    public async Task<List<TableEntity>> ListAsync(string? filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var page in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
        {
            statistics.Count(StorageOperation.TableRead);
            rows.AddRange(page.Values);
        }

        return rows;
    }

    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken)
    {
        statistics.Count(StorageOperation.TableWrite);
        try
        {
            await table.DeleteEntityAsync(instanceId, string.Empty, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    public static OrchestrationRuntimeStatus ParseStatus(TableEntity entity) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(entity.GetString("RuntimeStatus"), out var status) ? status : OrchestrationRuntimeStatus.Pending;

    public static string? BuildFilter(IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses, string? name, string? prefix, DateTime? createdFrom, DateTime? createdTo)
    {
        var parts = new List<string>();
        if (statuses is { Count: > 0 })
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(s => TableClient.CreateQueryFilter($"RuntimeStatus eq {s.ToString()}"))) + ")");
        }

        if (name is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Name eq {name}"));
        }

        if (!string.IsNullOrEmpty(prefix))
        {
            var upper = prefix[..^1] + (char)(prefix[^1] + 1);
            parts.Add(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}"));
        }

        if (createdFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedTime ge {Utc(from)}"));
        }

        if (createdTo is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedTime lt {Utc(to)}"));
        }

        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private static DateTimeOffset Utc(DateTime value) =>
        new(value.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : value.ToUniversalTime());
}

/// <summary>What <see cref="InstanceStore.RepairAsync"/> found.</summary>
internal enum InstanceRowRepair
{
    /// <summary>The row already showed the state.</summary>
    Current,

    /// <summary>The row was behind and now shows the state.</summary>
    Repaired,

    /// <summary>The row shows something newer (a client's re-creation, a concurrent write): left as it is.</summary>
    LeftAlone,
}
