namespace Workflow.Complaints.Cases;

/// <summary>One page of a case list and the token of the next page (null on the last).</summary>
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, string? ContinuationToken);
