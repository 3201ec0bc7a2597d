using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The case row the orchestration writes when a case opens.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="Language">The case's language.</param>
/// <param name="Type">The case type.</param>
/// <param name="Region">The calendar region.</param>
/// <param name="Severity">Triage's severity.</param>
/// <param name="Level">Triage's escalation level.</param>
/// <param name="Department">The responsible department.</param>
/// <param name="OpenedAt">When the case opened.</param>
/// <param name="NextDeadline">The earliest running deadline.</param>
/// <param name="NextClock">The clock <paramref name="NextDeadline"/> belongs to.</param>
public sealed record CaseRecord(
    string CaseNumber,
    string? Language,
    CaseType Type,
    string Region,
    Severity Severity,
    EscalationLevel Level,
    string Department,
    DateTimeOffset OpenedAt,
    DateTimeOffset? NextDeadline,
    ClockKind? NextClock = null);
