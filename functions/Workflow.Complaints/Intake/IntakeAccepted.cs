namespace Workflow.Complaints.Intake;

/// <summary>The 202 answer to a submission: the case number and where to follow its progress.</summary>
public sealed record IntakeAccepted(string CaseNumber, string StatusUrl);
