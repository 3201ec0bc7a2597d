using Workflow.Durable.History;

namespace Workflow.Durable.Core;

/// <summary>What one replay of an orchestration produced.</summary>
internal sealed class OrchestrationTurnResult
{
    /// <summary>New actions, as the history events that record them, in task-id order.</summary>
    public List<HistoryEvent> Actions { get; } = [];

    /// <summary>Set when the execution ended (completed, failed, terminated, continued as new).</summary>
    public OrchestrationRuntimeStatus? CompletionStatus { get; set; }

    /// <summary>The serialized output (or termination reason, or the new input when continued as new).</summary>
    public string? Output { get; set; }

    /// <summary>The failure, when the execution failed.</summary>
    public TaskFailureDetails? Failure { get; set; }

    /// <summary>The serialized custom status.</summary>
    public string? CustomStatus { get; set; }

    /// <summary>Whether the instance is suspended after the turn.</summary>
    public bool IsSuspended { get; set; }

    /// <summary>External events received and not consumed, carried into the new execution on continue-as-new.</summary>
    public List<EventRaisedEvent> CarriedEvents { get; } = [];
}
