namespace Workflow.Complaints.Lifecycle;

/// <summary>How to reach a case's customer; read only by the SMS activity so the number stays out of orchestration history.</summary>
/// <param name="Phone">The full number in E.164 form.</param>
/// <param name="Language">The case's language.</param>
/// <param name="Region">The calendar region (for formatting times).</param>
public sealed record CaseContact(string Phone, string? Language, string Region);
