using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// The input of <see cref="ComplaintLifecycleOrchestrator"/>: one accepted intake submission. It carries no
/// phone number: the number stays in the customer record, and the SMS activity looks it up
/// (<see cref="ICaseRecorder.GetContactAsync"/>), so it never sits in workflow history.
/// </summary>
/// <param name="CaseNumber">The case number (<c>C-yyyyMMdd-nnnnnn</c>); the instance id derives from it.</param>
/// <param name="Language">The case's language (<c>zh-CN</c> or <c>en</c>), if known.</param>
/// <param name="Complaint">What triage looks at.</param>
public sealed record CaseOpened(string CaseNumber, string? Language, TriageInput Complaint);
