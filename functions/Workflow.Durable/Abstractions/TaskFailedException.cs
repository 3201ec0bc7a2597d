namespace Workflow.Durable;

/// <summary>
/// Thrown into an orchestrator when an activity or sub-orchestration it awaited failed. The original
/// exception ran elsewhere (another process, another replay), so it is described by
/// <see cref="FailureDetails"/> rather than carried as an inner exception.
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception for the failed task.</summary>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>The name of the activity or sub-orchestration that failed.</summary>
    public string TaskName { get; }

    /// <summary>The task's sequence number in the orchestration's history.</summary>
    public int TaskId { get; }

    /// <summary>The failure as recorded in history.</summary>
    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>
/// Fails an orchestration whose code, on replay, did something other than what its history records.
/// This happens when orchestrator code is not deterministic or was changed while instances were running.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception with a message naming the history position and both actions.</summary>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a mismatch at <paramref name="position"/>.</summary>
    public NonDeterministicOrchestrationException(int position, string expected, string actual)
        : base($"Non-deterministic orchestration: at task #{position} the history records {expected}, but the orchestrator code now does {actual}.")
    {
    }
}
