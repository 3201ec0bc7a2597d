namespace Workflow.Complaints.Lifecycle;

/// <summary>A service-level clock the orchestration is running, and whether its warning went out.</summary>
/// <param name="Deadline">The current plan.</param>
/// <param name="Warned">Whether the assignee (or supervisor) was warned for this plan's stage.</param>
internal sealed record RunningClock(Deadline Deadline, bool Warned = false);
