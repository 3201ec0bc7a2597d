using Workflow.Durable.Backend;

namespace Workflow.Durable.Client;

/// <summary>What a client sees of an orchestration instance.</summary>
public sealed class OrchestrationMetadata
{
    private readonly DataConverter _converter;

    internal OrchestrationMetadata(OrchestrationState state, DataConverter converter)
    {
        _converter = converter;
        InstanceId = state.InstanceId;
        Name = state.Name;
        RuntimeStatus = state.RuntimeStatus;
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedAt, DateTimeKind.Utc));
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedAt, DateTimeKind.Utc));
        SerializedInput = state.Input;
        SerializedOutput = state.Output;
        SerializedCustomStatus = state.CustomStatus;
        FailureDetails = state.FailureDetails;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The orchestrator name.</summary>
    public string Name { get; }

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When its state last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; }

    /// <summary>The serialized input (when fetched).</summary>
    public string? SerializedInput { get; }

    /// <summary>The serialized output (when fetched and completed).</summary>
    public string? SerializedOutput { get; }

    /// <summary>The serialized custom status.</summary>
    public string? SerializedCustomStatus { get; }

    /// <summary>The failure, when the instance failed.</summary>
    public TaskFailureDetails? FailureDetails { get; }

    /// <summary>Whether the instance is running (or suspended, or pending).</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.ContinuedAsNew;

    /// <summary>Whether the instance reached a terminal status.</summary>
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    /// <summary>Reads the input as <typeparamref name="T"/>.</summary>
    public T? ReadInputAs<T>() => _converter.Deserialize<T>(SerializedInput);

    /// <summary>Reads the output as <typeparamref name="T"/>.</summary>
    public T? ReadOutputAs<T>() => _converter.Deserialize<T>(SerializedOutput);

    /// <summary>Reads the custom status as <typeparamref name="T"/>.</summary>
    public T? ReadCustomStatusAs<T>() => _converter.Deserialize<T>(SerializedCustomStatus);
}

/// <summary>A query over instances, as the client takes it.</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Only these statuses; all when null.</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only this orchestrator name.</summary>
    public string? Name { get; init; }

    /// <summary>Only ids starting with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Created at or after.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Whether to fetch inputs and outputs.</summary>
    public bool FetchInputsAndOutputs { get; init; }

    /// <summary>The page size.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The continuation token from the previous page.</summary>
    public string? ContinuationToken { get; init; }
}

/// <summary>One page of query results.</summary>
public sealed record OrchestrationQueryPage(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken);
