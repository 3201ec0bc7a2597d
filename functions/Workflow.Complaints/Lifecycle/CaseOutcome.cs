namespace Workflow.Complaints.Lifecycle;

/// <summary>The output of <see cref="ComplaintLifecycleOrchestrator"/>: how the case ended.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="Status">The final status (closed or withdrawn).</param>
/// <param name="SurveyScore">The satisfaction score, when the customer answered.</param>
/// <param name="FinalDecision">Whether a supervisor's final decision closed it.</param>
/// <param name="EndedAt">When it ended.</param>
public sealed record CaseOutcome(string CaseNumber, CaseStatus Status, int? SurveyScore, bool FinalDecision, DateTimeOffset EndedAt);
