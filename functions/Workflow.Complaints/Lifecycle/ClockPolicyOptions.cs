namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// One clock's length and basis (<c>ServiceLevels:Clocks:{ClockKind}</c>). Give either
/// <see cref="Length"/> or <see cref="WorkingDays"/>; neither for a <see cref="ClockBasis.SameWorkingDay"/> clock.
/// </summary>
public sealed class ClockPolicyOptions
{
    /// <summary>Length in the basis' time (wall-clock or working time).</summary>
    public TimeSpan? Length { get; set; }

    /// <summary>Length in working days, each the region's working-day length of working time.</summary>
    public int? WorkingDays { get; set; }

    /// <summary>How the clock counts.</summary>
    public ClockBasis Basis { get; set; }

    /// <summary>
    /// Replacement policies per severity (e.g. critical first response 2 h). Without one, urgent and
    /// critical apply <see cref="ServiceLevelOptions.UrgentFactor"/> to this policy.
    /// </summary>
    public Dictionary<Triage.Severity, ClockPolicyOptions> BySeverity { get; set; } = [];

    /// <summary>
    /// Replacement policies per case type (keys are enum names: <c>Complaint</c>, <c>ServiceRequest</c>, ...),
    /// e.g. a shorter forward clock for service requests. A replacement may carry its own <see cref="BySeverity"/>.
    /// </summary>
    public Dictionary<Triage.CaseType, ClockPolicyOptions> ByType { get; set; } = [];
}
