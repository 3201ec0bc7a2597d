using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The read-model fields of a case row after a step.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="Status">The status.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="NextDeadline">The earliest running deadline, none while paused or finished.</param>
/// <param name="SurveyScore">The satisfaction score, once answered.</param>
/// <param name="NextClock">The clock <paramref name="NextDeadline"/> belongs to.</param>
public sealed record CaseUpdate(
    string CaseNumber,
    CaseStatus Status,
    Severity Severity,
    string Department,
    DateTimeOffset? NextDeadline,
    int? SurveyScore,
    ClockKind? NextClock = null);
