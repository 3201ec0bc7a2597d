namespace Workflow.Durable;

/// <summary>
/// The runtime status of an orchestration instance, with the names and meanings of Durable Task's.
/// </summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>The instance is running: it has started and has not reached a terminal state.</summary>
    Running = 0,

    /// <summary>The instance completed normally.</summary>
    Completed = 1,

    /// <summary>The instance's execution ended with <c>ContinueAsNew</c>; a new execution follows.</summary>
    ContinuedAsNew = 2,

    /// <summary>The instance failed with an unhandled exception.</summary>
    Failed = 3,

    /// <summary>The instance was cancelled (reserved, as in Durable Task).</summary>
    Canceled = 4,

    /// <summary>The instance was terminated by a client.</summary>
    Terminated = 5,

    /// <summary>The instance is scheduled but has not started.</summary>
    Pending = 6,

    /// <summary>The instance is suspended by a client; events are held until it is resumed.</summary>
    Suspended = 7,
}

/// <summary>Helpers over <see cref="OrchestrationRuntimeStatus"/>.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Whether the status is final for the current execution (nothing more will run in it).</summary>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Terminated or OrchestrationRuntimeStatus.Canceled;
}
