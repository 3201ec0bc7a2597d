namespace Workflow.Complaints.Lifecycle;

/// <summary>Service-level clocks (SPEC section 3), bound from <c>ServiceLevels</c>; defaults in <see cref="ComplaintRulesDefaults"/>.</summary>
public sealed class ServiceLevelOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ServiceLevels";

    /// <summary>Each clock's policy.</summary>
    public Dictionary<ClockKind, ClockPolicyOptions> Clocks { get; set; } = [];

    /// <summary>Fraction of a clock after which the assignee is warned (SPEC: 0.75).</summary>
    public double WarnAtFraction { get; set; }

    /// <summary>Factor applied to a clock for urgent (and, without an override, critical) cases (SPEC: halved).</summary>
    public double UrgentFactor { get; set; }

    /// <summary>The supervisor's new clock after a breach, as a fraction of the breached clock's length.</summary>
    public double SupervisorClockFraction { get; set; }

    /// <summary>The largest compensation an agent may grant without a supervisor's approval (SPEC: 200).</summary>
    public decimal AgentCompensationAuthority { get; set; }

    /// <summary>Interval of progress SMS while a case stays open past its first response (SPEC: 24 h).</summary>
    public TimeSpan ProgressInterval { get; set; }
}
