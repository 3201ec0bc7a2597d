namespace Workflow.Complaints.Triage;

/// <summary>The outcome of triage: severity, level, department and every rule that fired.</summary>
/// <param name="Severity">The case's severity.</param>
/// <param name="Level">The escalation level.</param>
/// <param name="Department">The responsible department or queue.</param>
/// <param name="AboutStaff">
/// Whether this is a complaint about a staff member: the duty team and the 2-working-day clock
/// (pass it to <see cref="Lifecycle.DeadlinePlanner.OpeningClocks"/>).
/// </param>
/// <param name="Reasons">The rules that fired, in the order severity, level, routing.</param>
public sealed record TriageResult(
    Severity Severity,
    EscalationLevel Level,
    string Department,
    bool AboutStaff,
    IReadOnlyList<TriageReason> Reasons)
{
    /// <summary>Critical cases start the emergency path: department head and supervisor at once.</summary>
    public bool NotifyDepartmentHeadAtOnce => Severity == Severity.Critical;

    /// <summary>Level-2 cases notify the risk-control and PR teams at once.</summary>
    public bool NotifyRiskAndPublicRelations => Level == EscalationLevel.Level2;

    /// <summary>Level-2 cases have every outbound message to the customer reviewed before it is sent.</summary>
    public bool OutboundReviewRequired => Level == EscalationLevel.Level2;
}
