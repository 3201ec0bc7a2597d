using System.Diagnostics.CodeAnalysis;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Cases;

/// <summary>
/// The case read model: what the dashboard lists and the public progress page shows. It holds no
/// personal data beyond the masked phone; the full customer record is a <see cref="CustomerRecord"/>.
/// Status, severity and clock names are the lifecycle's vocabulary; the store does not interpret
/// them, except that a case is open until <see cref="ClosedAt"/> is set.
/// </summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Case is the domain's word (STYLE.md); the app is consumed from C# only.")]
public sealed record Case
{
    /// <summary>The status a newly recorded case starts in (the lifecycle's <c>open</c> wire name).</summary>
    public const string InitialStatus = "open";

    public required string CaseNumber { get; init; }

    public required string Status { get; init; }

    public required string Type { get; init; }

    public string? Severity { get; init; }

    /// <summary>Escalation level: 0 none, 1 or 2 (SPEC section 2).</summary>
    public int Level { get; init; }

    public string? Department { get; init; }

    public string? Assignee { get; init; }

    public required string MaskedPhone { get; init; }

    /// <summary>Keyed hash of the phone number (<see cref="PhoneNumberHash"/>), for repeat detection.</summary>
    public string? PhoneHash { get; init; }

    public required string Language { get; init; }

    public string? Region { get; init; }

    public string? BusinessLine { get; init; }

    public string? Product { get; init; }

    public string? Channel { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The earliest running deadline, or null when no clock runs.</summary>
    public DateTimeOffset? NextDeadline { get; init; }

    /// <summary>Which clock <see cref="NextDeadline"/> belongs to (for example <c>forward</c>, <c>response</c>).</summary>
    public string? NextClock { get; init; }

    public DateTimeOffset? FirstResponseAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public int? SatisfactionScore { get; init; }

    public int ReopenedCount { get; init; }

    /// <summary>Whether a supervisor recorded a final decision (SPEC section 4).</summary>
    public bool FinalDecision { get; init; }

    public string? AboutStaff { get; init; }

    public CustomerRequest? Request { get; init; }

    /// <summary>When retention purged the case's workflow history (the case record keeps the timeline).</summary>
    public DateTimeOffset? HistoryPurgedAt { get; init; }

    /// <summary>Incremented by every update; index rows carry the revision they were written for.</summary>
    public long Revision { get; init; }

    /// <summary>Whether the case is still open (not closed or withdrawn).</summary>
    public bool IsOpen => ClosedAt is null;
}
