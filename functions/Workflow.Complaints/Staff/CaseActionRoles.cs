using System.Security.Claims;
using Workflow.Complaints.Auth;
using Workflow.Complaints.Lifecycle;

namespace Workflow.Complaints.Staff;

/// <summary>
/// Who may take which action on a case. Every action needs <see cref="StaffRoles.CaseHandlerPolicy"/> (any role
/// but operations); approving or rejecting a compensation and recording a final decision need a supervisor or
/// above (SPEC section 4). On a level-2 case, actions whose wording reaches the customer need an outbound
/// reviewer as well (<see cref="ReviewedOnLevel2"/>).
/// </summary>
public static class CaseActionRoles
{
    /// <summary>The actions staff take through the API, in route order.</summary>
    public static IReadOnlyList<CaseAction> StaffActions { get; } =
    [
        CaseAction.Forward, CaseAction.Respond, CaseAction.RequestInfo, CaseAction.CustomerInfoReceived, CaseAction.Resolve,
        CaseAction.RequestApproval, CaseAction.Approve, CaseAction.Reject, CaseAction.Reassign, CaseAction.ChangeSeverity,
        CaseAction.Escalate, CaseAction.Note, CaseAction.FinalDecision, CaseAction.Close, CaseAction.Withdraw,
    ];

    /// <summary>The actions whose staff-written wording is sent to the customer: on a level-2 case an outbound reviewer takes them.</summary>
    public static IReadOnlySet<CaseAction> ReviewedOnLevel2 { get; } = new HashSet<CaseAction>
    {
        CaseAction.Respond, CaseAction.Resolve, CaseAction.FinalDecision,
    };

    /// <summary>The roles any one of which allows <paramref name="action"/>.</summary>
    public static IReadOnlySet<string> RolesFor(CaseAction action) => action switch
    {
        CaseAction.Approve or CaseAction.Reject or CaseAction.FinalDecision => StaffRoles.SupervisorOrAbove,
        _ => StaffRoles.CaseHandlers,
    };

    /// <summary>Whether <paramref name="user"/> may take <paramref name="action"/> (level-2 review aside).</summary>
    public static bool Allows(ClaimsPrincipal user, CaseAction action)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RolesFor(action).Any(user.IsInRole);
    }

    /// <summary>Whether <paramref name="user"/> reviews outbound wording of level-2 cases.</summary>
    public static bool IsOutboundReviewer(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return StaffRoles.OutboundReviewers.Any(user.IsInRole);
    }
}
