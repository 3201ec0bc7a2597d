using System.Collections.Frozen;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// The one table of allowed moves: (status, action) → new status. Anything not listed is refused
/// with <see cref="InvalidCaseTransitionException"/>.
/// </summary>
public static class CaseTransitions
{
    private static readonly (CaseStatus From, CaseAction Action, CaseStatus To)[] Rows =
    [
        // Registered, not yet with the department. An inquiry may be answered and resolved from here.
        (CaseStatus.Open, CaseAction.Forward, CaseStatus.Forwarded),
        (CaseStatus.Open, CaseAction.Respond, CaseStatus.InProgress),
        (CaseStatus.Open, CaseAction.RequestInfo, CaseStatus.AwaitingCustomer),
        (CaseStatus.Open, CaseAction.Resolve, CaseStatus.Resolved),
        (CaseStatus.Open, CaseAction.Reassign, CaseStatus.Open),
        (CaseStatus.Open, CaseAction.ChangeSeverity, CaseStatus.Open),
        (CaseStatus.Open, CaseAction.Escalate, CaseStatus.Open),
        (CaseStatus.Open, CaseAction.Note, CaseStatus.Open),
        (CaseStatus.Open, CaseAction.Close, CaseStatus.Closed), // suggestions: collected, then closed
        (CaseStatus.Open, CaseAction.Withdraw, CaseStatus.Withdrawn),

        (CaseStatus.Forwarded, CaseAction.Respond, CaseStatus.InProgress),
        (CaseStatus.Forwarded, CaseAction.RequestInfo, CaseStatus.AwaitingCustomer),
        (CaseStatus.Forwarded, CaseAction.Resolve, CaseStatus.Resolved),
        (CaseStatus.Forwarded, CaseAction.RequestApproval, CaseStatus.AwaitingApproval),
        (CaseStatus.Forwarded, CaseAction.Reassign, CaseStatus.Forwarded),
        (CaseStatus.Forwarded, CaseAction.ChangeSeverity, CaseStatus.Forwarded),
        (CaseStatus.Forwarded, CaseAction.Escalate, CaseStatus.Forwarded),
        (CaseStatus.Forwarded, CaseAction.Note, CaseStatus.Forwarded),
        (CaseStatus.Forwarded, CaseAction.Withdraw, CaseStatus.Withdrawn),

        (CaseStatus.InProgress, CaseAction.Respond, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseAction.RequestInfo, CaseStatus.AwaitingCustomer),
        (CaseStatus.InProgress, CaseAction.Resolve, CaseStatus.Resolved),
        (CaseStatus.InProgress, CaseAction.RequestApproval, CaseStatus.AwaitingApproval),
        (CaseStatus.InProgress, CaseAction.Reassign, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseAction.ChangeSeverity, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseAction.Escalate, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseAction.Note, CaseStatus.InProgress),
        (CaseStatus.InProgress, CaseAction.FinalDecision, CaseStatus.Closed),
        (CaseStatus.InProgress, CaseAction.Withdraw, CaseStatus.Withdrawn),

        // Clocks paused; the customer's answer resumes work with the department.
        (CaseStatus.AwaitingCustomer, CaseAction.CustomerInfoReceived, CaseStatus.InProgress),
        (CaseStatus.AwaitingCustomer, CaseAction.Resolve, CaseStatus.Resolved),
        (CaseStatus.AwaitingCustomer, CaseAction.Reassign, CaseStatus.AwaitingCustomer),
        (CaseStatus.AwaitingCustomer, CaseAction.ChangeSeverity, CaseStatus.AwaitingCustomer),
        (CaseStatus.AwaitingCustomer, CaseAction.Escalate, CaseStatus.AwaitingCustomer),
        (CaseStatus.AwaitingCustomer, CaseAction.Note, CaseStatus.AwaitingCustomer),
        (CaseStatus.AwaitingCustomer, CaseAction.Close, CaseStatus.Closed),
        (CaseStatus.AwaitingCustomer, CaseAction.Withdraw, CaseStatus.Withdrawn),

        (CaseStatus.AwaitingApproval, CaseAction.Approve, CaseStatus.InProgress),
        (CaseStatus.AwaitingApproval, CaseAction.Reject, CaseStatus.InProgress),
        (CaseStatus.AwaitingApproval, CaseAction.Reassign, CaseStatus.AwaitingApproval),
        (CaseStatus.AwaitingApproval, CaseAction.ChangeSeverity, CaseStatus.AwaitingApproval),
        (CaseStatus.AwaitingApproval, CaseAction.Escalate, CaseStatus.AwaitingApproval),
        (CaseStatus.AwaitingApproval, CaseAction.Note, CaseStatus.AwaitingApproval),
        (CaseStatus.AwaitingApproval, CaseAction.Withdraw, CaseStatus.Withdrawn),

        // The survey runs; a low score reopens, a final decision closes for good.
        (CaseStatus.Resolved, CaseAction.Respond, CaseStatus.Resolved),
        (CaseStatus.Resolved, CaseAction.Note, CaseStatus.Resolved),
        (CaseStatus.Resolved, CaseAction.SurveyLowScoreReopen, CaseStatus.UnderReview),
        (CaseStatus.Resolved, CaseAction.FinalDecision, CaseStatus.Closed),
        (CaseStatus.Resolved, CaseAction.Close, CaseStatus.Closed),

        (CaseStatus.UnderReview, CaseAction.Respond, CaseStatus.UnderReview),
        (CaseStatus.UnderReview, CaseAction.RequestInfo, CaseStatus.AwaitingCustomer),
        (CaseStatus.UnderReview, CaseAction.Resolve, CaseStatus.Resolved),
        (CaseStatus.UnderReview, CaseAction.Reassign, CaseStatus.UnderReview),
        (CaseStatus.UnderReview, CaseAction.ChangeSeverity, CaseStatus.UnderReview),
        (CaseStatus.UnderReview, CaseAction.Escalate, CaseStatus.UnderReview),
        (CaseStatus.UnderReview, CaseAction.Note, CaseStatus.UnderReview),
        (CaseStatus.UnderReview, CaseAction.FinalDecision, CaseStatus.Closed),
        (CaseStatus.UnderReview, CaseAction.Close, CaseStatus.Closed),

        // Finished cases take notes for the record and nothing else.
        (CaseStatus.Closed, CaseAction.Note, CaseStatus.Closed),
        (CaseStatus.Withdrawn, CaseAction.Note, CaseStatus.Withdrawn),
    ];

    private static readonly FrozenDictionary<(CaseStatus, CaseAction), CaseStatus> Table =
        Rows.ToFrozenDictionary(r => (r.From, r.Action), r => r.To);

    /// <summary>Every allowed move, for documentation and tests.</summary>
    public static IReadOnlyList<(CaseStatus From, CaseAction Action, CaseStatus To)> AllowedMoves => Rows;

    /// <summary>Whether <paramref name="action"/> is allowed in <paramref name="status"/> (for showing buttons).</summary>
    public static bool IsAllowed(CaseStatus status, CaseAction action) => Table.ContainsKey((status, action));

    /// <summary>The actions allowed in <paramref name="status"/>.</summary>
    public static IReadOnlyList<CaseAction> AllowedActions(CaseStatus status) =>
        [.. Rows.Where(r => r.From == status).Select(r => r.Action)];

    /// <summary>The status after <paramref name="action"/>; throws when the table does not allow it.</summary>
    /// <exception cref="InvalidCaseTransitionException">The action is not allowed in <paramref name="status"/>.</exception>
    public static CaseStatus Apply(CaseStatus status, CaseAction action) =>
        Table.TryGetValue((status, action), out var next) ? next : throw new InvalidCaseTransitionException(status, action);

    /// <summary>Whether a status is final (no work remains).</summary>
    public static bool IsFinished(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Withdrawn;
}
