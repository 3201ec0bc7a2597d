namespace Workflow.Complaints.Cases;

/// <summary>
/// A line of a case list: the fields the dashboard shows, read from a case row or an index row; the
/// satisfaction score is set once the customer answered the survey (SPEC section 5).
/// </summary>
public sealed record CaseSummary(
    string CaseNumber,
    string Status,
    string Type,
    string? Severity,
    int Level,
    string? Department,
    string? Assignee,
    string MaskedPhone,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDeadline,
    string? NextClock,
    bool IsOpen,
    int? SatisfactionScore = null);
