namespace Workflow.Complaints.Triage;

/// <summary>What triage looks at; the orchestrator builds it from the intake submission and the repeat lookup.</summary>
/// <param name="Type">The case type.</param>
/// <param name="Description">The customer's description.</param>
/// <param name="Product">Product or service involved, if given.</param>
/// <param name="Region">Region for the calendar and reports, if given.</param>
/// <param name="BusinessLine">Business line, if given.</param>
/// <param name="RequestKind">What the customer asks for (<c>refund</c>, <c>compensation</c>, ...), if given.</param>
/// <param name="RequestAmount">The amount asked for, if any.</param>
/// <param name="RequestCurrency">The amount's currency, if given.</param>
/// <param name="AboutStaff">The staff member or service number complained about, if any.</param>
/// <param name="Channel">Intake channel (<c>web</c>, <c>hotline</c>, ...), if given.</param>
/// <param name="ReportedHighlyEmotional">Whether the intake (for example a hotline agent) marked the customer as highly emotional.</param>
/// <param name="RecentCaseCount">
/// The same customer's other cases that are open or were closed within <see cref="TriageOptions.RepeatWindow"/>.
/// </param>
public sealed record TriageInput(
    CaseType Type,
    string Description,
    string? Product = null,
    string? Region = null,
    string? BusinessLine = null,
    string? RequestKind = null,
    decimal? RequestAmount = null,
    string? RequestCurrency = null,
    string? AboutStaff = null,
    string? Channel = null,
    bool ReportedHighlyEmotional = false,
    int RecentCaseCount = 0)
{
    /// <summary>True when the complaint names a staff member or service number.</summary>
    public bool IsAboutStaff => !string.IsNullOrWhiteSpace(AboutStaff);
}
