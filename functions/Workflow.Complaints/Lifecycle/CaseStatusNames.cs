namespace Workflow.Complaints.Lifecycle;

/// <summary>Wire names of <see cref="CaseStatus"/> for messages and storage.</summary>
public static class CaseStatusNames
{
    /// <summary>The wire name of a status, e.g. <c>awaiting-customer</c>.</summary>
    public static string ToName(this CaseStatus status) => status switch
    {
        CaseStatus.Open => "open",
        CaseStatus.Forwarded => "forwarded",
        CaseStatus.InProgress => "in-progress",
        CaseStatus.AwaitingCustomer => "awaiting-customer",
        CaseStatus.AwaitingApproval => "awaiting-approval",
        CaseStatus.Resolved => "resolved",
        CaseStatus.UnderReview => "under-review",
        CaseStatus.Closed => "closed",
        CaseStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown case status."),
    };
}
