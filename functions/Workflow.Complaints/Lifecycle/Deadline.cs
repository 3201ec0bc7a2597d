using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>A running service-level clock's plan: when it started, warns and runs out.</summary>
/// <param name="Clock">Which clock.</param>
/// <param name="StartedAt">When the clock started; kept across recomputation so elapsed time is never lost.</param>
/// <param name="DueAt">When it runs out (may already be past after a recomputation: then it is breached at once).</param>
/// <param name="WarnAt">When the assignee is warned.</param>
/// <param name="Basis">How it counts time.</param>
/// <param name="Length">Its length in the basis' time, pauses excluded.</param>
/// <param name="Type">The case type it was planned for.</param>
/// <param name="Severity">The severity it was planned for.</param>
/// <param name="Region">The calendar region used.</param>
/// <param name="Stage">The assignee's clock, or the supervisor's after a breach.</param>
public sealed record Deadline(
    ClockKind Clock,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    DateTimeOffset WarnAt,
    ClockBasis Basis,
    TimeSpan Length,
    CaseType Type,
    Severity Severity,
    string Region,
    EscalationStage Stage = EscalationStage.Assignee);
