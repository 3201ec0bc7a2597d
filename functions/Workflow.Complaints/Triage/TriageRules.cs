namespace Workflow.Complaints.Triage;

/// <summary>Stable names of the triage rules, as recorded in <see cref="TriageReason.Rule"/>.</summary>
public static class TriageRules
{
    /// <summary>Critical: a service outage keyword.</summary>
    public const string Outage = "critical.outage";

    /// <summary>Critical: a safety keyword.</summary>
    public const string Safety = "critical.safety";

    /// <summary>Critical: an explicit emergency keyword.</summary>
    public const string Emergency = "critical.emergency";

    /// <summary>Urgent: a financial-loss keyword or a compensation amount.</summary>
    public const string FinancialLoss = "urgent.financial-loss";

    /// <summary>Urgent: the customer states a deadline of their own.</summary>
    public const string CustomerDeadline = "urgent.customer-deadline";

    /// <summary>Urgent: the customer repeats an open or recent case.</summary>
    public const string RepeatUnresolved = "urgent.repeat-case";

    /// <summary>Level 1: the customer has another open or recent case.</summary>
    public const string RepeatCase = "level1.repeat-case";

    /// <summary>Level 1: highly emotional (flag or keyword).</summary>
    public const string HighlyEmotional = "level1.highly-emotional";

    /// <summary>Level 2: compensation demand above the threshold.</summary>
    public const string HighCompensation = "level2.high-compensation";

    /// <summary>Level 2: legal-risk keyword.</summary>
    public const string LegalRisk = "level2.legal-risk";

    /// <summary>Level 2: public-opinion keyword.</summary>
    public const string PublicOpinion = "level2.public-opinion";

    /// <summary>Routing: a rule of the routing table matched.</summary>
    public const string RoutingRule = "routing.rule";

    /// <summary>Routing: no rule matched, the default queue.</summary>
    public const string RoutingDefault = "routing.default";

    /// <summary>Routing: a complaint about a staff member, to the duty team.</summary>
    public const string RoutingStaff = "routing.staff-complaint";

    /// <summary>Routing: level 1, to the senior complaints team.</summary>
    public const string RoutingSenior = "routing.senior-team";
}
