namespace Workflow.Complaints.Lifecycle;

/// <summary>The orchestration's custom status, written each time it settles to wait.</summary>
/// <param name="Status">Where the case stands.</param>
/// <param name="Step">Counts the waits; a caller that raised an event can wait for the next step.</param>
/// <param name="NextDeadline">The earliest running deadline (none while paused).</param>
/// <param name="WakeAt">When the orchestration's next timer fires (warning, deadline, progress SMS, survey).</param>
/// <param name="Clocks">The running clocks, earliest deadline first (the staff case page shows them).</param>
/// <param name="Paused">Whether the clocks are paused while the case waits on the customer.</param>
/// <param name="AwaitingSurvey">Whether the survey went out and the orchestration waits for its answer (an SMS reply is raised as <c>SurveyReplied</c>).</param>
public sealed record LifecycleStatus(
    CaseStatus Status,
    int Step,
    DateTimeOffset? NextDeadline,
    DateTimeOffset? WakeAt,
    IReadOnlyList<ClockState>? Clocks = null,
    bool Paused = false,
    bool AwaitingSurvey = false);

/// <summary>One running clock as the custom status shows it.</summary>
/// <param name="Clock">Which clock.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="DueAt">When it runs out (paused clocks are extended when they resume).</param>
/// <param name="WarnAt">When the warning goes out.</param>
/// <param name="Stage">Whose clock it is: the assignee's or, after a breach, the supervisor's.</param>
/// <param name="Warned">Whether the warning went out.</param>
public sealed record ClockState(ClockKind Clock, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset WarnAt, EscalationStage Stage, bool Warned);
