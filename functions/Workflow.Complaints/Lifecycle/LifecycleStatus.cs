namespace Workflow.Complaints.Lifecycle;

/// <summary>The orchestration's custom status, written each time it settles to wait.</summary>
/// <param name="Status">Where the case stands.</param>
/// <param name="Step">Counts the waits; a caller that raised an event can wait for the next step.</param>
/// <param name="NextDeadline">The earliest running deadline (none while paused).</param>
/// <param name="WakeAt">When the orchestration's next timer fires (warning, deadline, progress SMS, survey).</param>
public sealed record LifecycleStatus(CaseStatus Status, int Step, DateTimeOffset? NextDeadline, DateTimeOffset? WakeAt);
