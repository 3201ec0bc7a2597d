namespace Workflow.Complaints.Cases;

/// <summary>A closed case as the retention index lists it.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="ClosedAt">When it was closed (or withdrawn).</param>
public sealed record ClosedCase(string CaseNumber, DateTimeOffset ClosedAt);
