namespace Workflow.Complaints.Retention;

/// <summary>The answer to a request to start a retention run.</summary>
/// <param name="Run">The run that started; null when another one was running.</param>
/// <param name="RunningRunId">When none started: the run that holds the lease.</param>
public sealed record RetentionStart(RetentionRun? Run, string? RunningRunId)
{
    /// <summary>Whether a run started.</summary>
    public bool Started => Run is not null;
}
