namespace Workflow.Complaints.Lifecycle;

/// <summary>One step on a case's timeline.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="Sequence">The step's number within the case, from 1; appending the same number twice records it once.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who acted (<c>system</c> for the orchestration).</param>
/// <param name="Kind">What happened (<see cref="TimelineKinds"/>).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Clock">The clock concerned, if any.</param>
/// <param name="OldDeadline">The deadline before a recomputation or escalation.</param>
/// <param name="NewDeadline">The deadline after it (or a new clock's deadline).</param>
public sealed record TimelineEntry(
    string CaseNumber,
    int Sequence,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Reason,
    ClockKind? Clock = null,
    DateTimeOffset? OldDeadline = null,
    DateTimeOffset? NewDeadline = null);
