namespace Workflow.Complaints.Lifecycle;

/// <summary>The external events a case's orchestration waits for; the staff API and the SMS webhook raise them.</summary>
public static class LifecycleEvents
{
    /// <summary>The case reached the responsible department.</summary>
    public const string Forwarded = "Forwarded";

    /// <summary>Staff recorded a message to the customer.</summary>
    public const string Responded = "Responded";

    /// <summary>Staff asked the customer for information; clocks pause.</summary>
    public const string InfoRequested = "InfoRequested";

    /// <summary>The customer answered an information request; clocks resume.</summary>
    public const string CustomerInfoReceived = "CustomerInfoReceived";

    /// <summary>The result was recorded with responsibility and remedy.</summary>
    public const string Resolved = "Resolved";

    /// <summary>A compensation above the agent's authority waits for a supervisor; the approval clock starts.</summary>
    public const string ApprovalRequested = "ApprovalRequested";

    /// <summary>The supervisor approved the compensation.</summary>
    public const string Approved = "Approved";

    /// <summary>The supervisor rejected the compensation.</summary>
    public const string Rejected = "Rejected";

    /// <summary>The case moved to another department or handler.</summary>
    public const string Reassigned = "Reassigned";

    /// <summary>The severity changed; running clocks are recomputed.</summary>
    public const string SeverityChanged = "SeverityChanged";

    /// <summary>Staff escalated the case by hand (to the supervisor, or to the department head when a supervisor already has it).</summary>
    public const string Escalated = "Escalated";

    /// <summary>An internal note.</summary>
    public const string Note = "Note";

    /// <summary>Staff closed the case.</summary>
    public const string Closed = "Closed";

    /// <summary>The customer withdrew the case.</summary>
    public const string Withdrawn = "Withdrawn";

    /// <summary>A supervisor's final decision; closes the case for good.</summary>
    public const string FinalDecision = "FinalDecision";

    /// <summary>The customer answered the satisfaction survey.</summary>
    public const string SurveyReplied = "SurveyReplied";

    /// <summary>Every event, in lifecycle order (events that arrive together are handled in this order).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Forwarded, Responded, InfoRequested, CustomerInfoReceived, ApprovalRequested, Approved, Rejected, Reassigned, SeverityChanged, Escalated, Note,
        Resolved, SurveyReplied, FinalDecision, Closed, Withdrawn,
    ];

    /// <summary>The event that carries <paramref name="action"/>; null for an action no event stands for.</summary>
    public static string? ForAction(CaseAction action) => All.FirstOrDefault(name => ActionFor(name) == action);

    /// <summary>The staff action an event stands for; null for <see cref="SurveyReplied"/>.</summary>
    public static CaseAction? ActionFor(string eventName) => eventName switch
    {
        Forwarded => CaseAction.Forward,
        Responded => CaseAction.Respond,
        InfoRequested => CaseAction.RequestInfo,
        CustomerInfoReceived => CaseAction.CustomerInfoReceived,
        Resolved => CaseAction.Resolve,
        ApprovalRequested => CaseAction.RequestApproval,
        Approved => CaseAction.Approve,
        Rejected => CaseAction.Reject,
        Reassigned => CaseAction.Reassign,
        SeverityChanged => CaseAction.ChangeSeverity,
        Escalated => CaseAction.Escalate,
        Note => CaseAction.Note,
        Closed => CaseAction.Close,
        Withdrawn => CaseAction.Withdraw,
        FinalDecision => CaseAction.FinalDecision,
        _ => null,
    };
}
