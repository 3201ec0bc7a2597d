namespace Workflow.Complaints.Lifecycle;

/// <summary>Route names of <see cref="CaseAction"/> (<c>request-info</c>, ...).</summary>
public static class CaseActionNames
{
    private static readonly Dictionary<CaseAction, string> Names = new()
    {
        [CaseAction.Forward] = "forward",
        [CaseAction.Respond] = "respond",
        [CaseAction.RequestInfo] = "request-info",
        [CaseAction.CustomerInfoReceived] = "customer-info-received",
        [CaseAction.Resolve] = "resolve",
        [CaseAction.RequestApproval] = "request-approval",
        [CaseAction.Approve] = "approve",
        [CaseAction.Reject] = "reject",
        [CaseAction.Reassign] = "reassign",
        [CaseAction.ChangeSeverity] = "change-severity",
        [CaseAction.Escalate] = "escalate",
        [CaseAction.Note] = "note",
        [CaseAction.FinalDecision] = "final-decision",
        [CaseAction.Close] = "close",
        [CaseAction.Withdraw] = "withdraw",
        [CaseAction.SurveyLowScoreReopen] = "survey-low-score-reopen",
    };

    /// <summary>The route name of an action.</summary>
    public static string ToName(this CaseAction action) => Names[action];

    /// <summary>Parses a route name (case-insensitive).</summary>
    public static bool TryParse(string? name, out CaseAction action)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(candidateName, name, StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }
}
