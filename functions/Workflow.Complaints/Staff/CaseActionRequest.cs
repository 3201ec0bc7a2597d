namespace Workflow.Complaints.Staff;

/// <summary>
/// The JSON body of <c>POST /api/cases/{caseNumber}/{action}</c>. Each action reads the fields it needs
/// (<see cref="CaseActionValidator"/> names them); the others must be absent.
/// </summary>
public sealed record CaseActionRequest
{
    /// <summary>The department (<c>forward</c>, <c>reassign</c>).</summary>
    public string? Department { get; init; }

    /// <summary>An approved wording (<c>respond</c>): a response template situation such as <c>apologise-clarify-solve</c>.</summary>
    public string? Template { get; init; }

    /// <summary>Values for the template's placeholders (<c>department</c>, <c>remedy</c>); the case number and deadline come from the case.</summary>
    public Dictionary<string, string>? Values { get; init; }

    /// <summary>The message to the customer (<c>respond</c>, instead of or edited from a template) or the note's text (<c>note</c>).</summary>
    public string? Text { get; init; }

    /// <summary>Why (required for <c>request-info</c>, <c>escalate</c>, <c>reject</c>; optional elsewhere).</summary>
    public string? Reason { get; init; }

    /// <summary>Who was responsible (<c>resolve</c>): <c>company</c>, <c>third-party</c>, <c>customer</c>, <c>undetermined</c>.</summary>
    public string? Responsibility { get; init; }

    /// <summary>What is done for the customer (<c>resolve</c>), with any time commitment.</summary>
    public string? Remedy { get; init; }

    /// <summary>The compensation asked to approve (<c>request-approval</c>); above zero.</summary>
    public decimal? Compensation { get; init; }

    /// <summary>The compensation's currency (<c>request-approval</c>), three letters; the case's request currency otherwise.</summary>
    public string? Currency { get; init; }

    /// <summary>The new severity (<c>change-severity</c>): <c>normal</c>, <c>urgent</c>, <c>critical</c>.</summary>
    public string? Severity { get; init; }

    /// <summary>The final decision sent to the customer (<c>final-decision</c>).</summary>
    public string? Decision { get; init; }
}
