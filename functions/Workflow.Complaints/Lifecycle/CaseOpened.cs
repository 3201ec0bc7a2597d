using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The input of <see cref="ComplaintLifecycleOrchestrator"/>: one accepted intake submission.</summary>
/// <param name="CaseNumber">The case number (<c>C-yyyyMMdd-nnnnnn</c>); the instance id derives from it.</param>
/// <param name="Phone">The customer's number in E.164 form; stored once by <see cref="ICaseRecorder"/> for sending.</param>
/// <param name="Language">The case's language (<c>zh-CN</c> or <c>en</c>), if known.</param>
/// <param name="Complaint">What triage looks at.</param>
public sealed record CaseOpened(string CaseNumber, string Phone, string? Language, TriageInput Complaint);
