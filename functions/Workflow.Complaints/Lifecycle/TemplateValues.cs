namespace Workflow.Complaints.Lifecycle;

/// <summary>Values for a response template's placeholders; a placeholder used by the wording must have a value.</summary>
/// <param name="CaseNumber">The case number, e.g. <c>C-20261122-000123</c>.</param>
/// <param name="Department">The responsible department's display name.</param>
/// <param name="Deadline">A promised time; written in <paramref name="TimeZone"/>'s local time.</param>
/// <param name="Remedy">What is done for the customer.</param>
/// <param name="TimeZone">The customer's region time zone; UTC when absent.</param>
public sealed record TemplateValues(
    string CaseNumber,
    string? Department = null,
    DateTimeOffset? Deadline = null,
    string? Remedy = null,
    TimeZoneInfo? TimeZone = null);
