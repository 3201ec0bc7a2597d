namespace Workflow.Complaints.Auth;

/// <summary>The staff roles of SPEC section 8 and the authorization policies built on them.</summary>
public static class StaffRoles
{
    /// <summary>Handles cases: records responses and resolutions.</summary>
    public const string Agent = "agent";

    /// <summary>Receives escalations, approves compensation, records final decisions.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Receives second escalations and critical cases.</summary>
    public const string DepartmentHead = "department-head";

    /// <summary>Risk-control and PR: level-2 cases.</summary>
    public const string RiskPr = "risk-pr";

    /// <summary>Operations: the dashboard, workflow health, poison messages.</summary>
    public const string Operations = "operations";

    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    /// <summary>Every role there is.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Agent, Supervisor, DepartmentHead, RiskPr, Operations, Admin,
    };

    /// <summary>Policy: any signed-in staff member.</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Policy: operations or admin.</summary>
    public const string OperationsPolicy = "operations";

    /// <summary>
    /// Policy: handles cases (actions on a case, the audited read of a customer record): every role but
    /// operations, which watches the dashboard and reads case lists and pages only.
    /// </summary>
    public const string CaseHandlerPolicy = "case-handler";

    /// <summary>The roles of <see cref="CaseHandlerPolicy"/>.</summary>
    public static readonly IReadOnlySet<string> CaseHandlers = new HashSet<string>(StringComparer.Ordinal)
    {
        Agent, Supervisor, DepartmentHead, RiskPr, Admin,
    };

    /// <summary>Supervisor or above: approve or reject a compensation, record a final decision.</summary>
    public static readonly IReadOnlySet<string> SupervisorOrAbove = new HashSet<string>(StringComparer.Ordinal)
    {
        Supervisor, DepartmentHead, Admin,
    };

    /// <summary>Review the wording sent to the customer of a level-2 case (SPEC sections 2 and 4).</summary>
    public static readonly IReadOnlySet<string> OutboundReviewers = new HashSet<string>(StringComparer.Ordinal)
    {
        RiskPr, Admin,
    };
}
