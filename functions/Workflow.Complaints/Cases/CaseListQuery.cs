namespace Workflow.Complaints.Cases;

/// <summary>
/// Filters of the dashboard's case list (SPEC section 8). Open-case queries (<see cref="OpenOnly"/>,
/// <see cref="OverdueAt"/>) are served from the index ordered by next deadline; the rest from the
/// case table over a date range (the dates in case numbers), ordered by case number.
/// </summary>
public sealed record CaseListQuery
{
    public string? Status { get; init; }

    public string? Type { get; init; }

    public string? Severity { get; init; }

    public string? Department { get; init; }

    /// <summary>Escalation level; cases of exactly this level.</summary>
    public int? Level { get; init; }

    /// <summary>Only open cases, ordered by next deadline.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only open cases whose next deadline is before this time (overdue as of it).</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>First day (service time zone) of the created-date range; defaults to a configured number of days back.</summary>
    public DateOnly? CreatedFrom { get; init; }

    /// <summary>Last day (inclusive) of the created-date range; defaults to today.</summary>
    public DateOnly? CreatedTo { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>The token of the previous page, with the same filters.</summary>
    public string? ContinuationToken { get; init; }
}
