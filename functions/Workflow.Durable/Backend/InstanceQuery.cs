namespace Workflow.Durable.Backend;

/// <summary>A filter over instances, with paging by continuation token.</summary>
public sealed record InstanceQuery
{
    /// <summary>Only instances with one of these statuses; all when null or empty.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances whose orchestrator has this name.</summary>
    public string? Name { get; init; }

    /// <summary>Only instances whose id starts with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Only instances created at or after this time.</summary>
    public DateTime? CreatedFrom { get; init; }

    /// <summary>Only instances created before this time.</summary>
    public DateTime? CreatedTo { get; init; }

    /// <summary>Whether to return inputs, outputs and custom status.</summary>
    public bool FetchPayloads { get; init; }

    /// <summary>The largest page to return.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Where the previous page ended; null for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether <paramref name="state"/> passes every filter except paging.</summary>
    public bool Matches(OrchestrationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return (Statuses is null || Statuses.Count == 0 || Statuses.Contains(state.RuntimeStatus))
            && (Name is null || string.Equals(Name, state.Name, StringComparison.Ordinal))
            && (InstanceIdPrefix is null || state.InstanceId.StartsWith(InstanceIdPrefix, StringComparison.Ordinal))
            && (CreatedFrom is null || state.CreatedAt >= CreatedFrom)
            && (CreatedTo is null || state.CreatedAt < CreatedTo);
    }
}

/// <summary>One page of a query: the instances and the token for the next page (null at the end).</summary>
public sealed record InstancePage(IReadOnlyList<OrchestrationState> Instances, string? ContinuationToken);

/// <summary>A filter for purging many instances at once. Only terminal instances are purged.</summary>
public sealed record PurgeInstancesFilter(
    DateTime? CreatedFrom = null,
    DateTime? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>How many instances a purge removed.</summary>
public sealed record PurgeResult(int PurgedInstanceCount);
