namespace Workflow.Complaints.Cases;

/// <summary>
/// One step of a case (SPEC section 6): when, what kind, who did it and why. Give an
/// <see cref="Id"/> when the writer may run more than once (an activity), so a repeat overwrites
/// the same entry instead of adding a second one.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset Time, string Kind, string Actor, string? Reason = null, string? Details = null)
{
    /// <summary>A stable id for an idempotent append; a fresh one is used when null.</summary>
    public string? Id { get; init; }

    /// <summary>The clock the entry concerns (for example <c>forward</c>), if any.</summary>
    public string? Clock { get; init; }

    /// <summary>A clock's deadline before the step (recomputation, escalation, breach).</summary>
    public DateTimeOffset? OldDeadline { get; init; }

    /// <summary>A clock's deadline after the step (a new or recomputed clock).</summary>
    public DateTimeOffset? NewDeadline { get; init; }
}
