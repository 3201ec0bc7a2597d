namespace Workflow.Complaints.Triage;

/// <summary>
/// Triage configuration, bound from <c>Triage</c>. Defaults (SPEC section 2) come from
/// <see cref="Lifecycle.ComplaintRulesDefaults"/>; an empty instance is not a working configuration.
/// </summary>
public sealed class TriageOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Triage";

    /// <summary>Keyword lists, Chinese and English together.</summary>
    public TriageKeywordOptions Keywords { get; set; } = new();

    /// <summary>How far back another case of the same customer counts as a repeat (SPEC: 30 days).</summary>
    public TimeSpan RepeatWindow { get; set; }

    /// <summary>How many other open/recent cases make this one a repeat (SPEC: one, i.e. this is the second).</summary>
    public int RepeatCaseThreshold { get; set; }

    /// <summary>A requested amount above this is a level-2 compensation demand (SPEC: 5,000 in the case currency).</summary>
    public decimal HighCompensationAmount { get; set; }

    /// <summary>Request kinds whose amount is money the customer lost or claims (e.g. <c>compensation</c>, <c>refund</c>).</summary>
    public List<string> MonetaryRequestKinds { get; set; } = [];

    /// <summary>The routing table; the first matching rule wins.</summary>
    public List<RoutingRuleOptions> Routing { get; set; } = [];

    /// <summary>The queue for cases no rule matches.</summary>
    public string DefaultDepartment { get; set; } = "";

    /// <summary>Complaints about a staff member go here (seed 000).</summary>
    public string StaffComplaintDepartment { get; set; } = "";

    /// <summary>Level-1 cases go here with a summary of the earlier cases (when <see cref="RouteLevel1ToSeniorTeam"/>).</summary>
    public string SeniorComplaintsDepartment { get; set; } = "";

    /// <summary>
    /// Whether level-1 cases are routed to <see cref="SeniorComplaintsDepartment"/>; false keeps the
    /// routing table's department (an empty string in configuration cannot clear a default, hence a switch).
    /// </summary>
    public bool RouteLevel1ToSeniorTeam { get; set; }
}
