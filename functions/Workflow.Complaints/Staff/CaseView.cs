using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using TimelineEntry = Workflow.Complaints.Cases.TimelineEntry;

namespace Workflow.Complaints.Staff;

/// <summary>
/// A case as staff see it (<c>GET /api/cases/{caseNumber}</c>): the read model with the phone masked, the
/// timeline, the running clocks and the actions its state allows. No phone hash, no customer record.
/// </summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="Status">Where the case stands.</param>
/// <param name="Type">The case type.</param>
/// <param name="Severity">The severity.</param>
/// <param name="Level">The escalation level (0, 1 or 2).</param>
/// <param name="Department">The responsible department.</param>
/// <param name="MaskedPhone">The phone as its last four digits.</param>
/// <param name="Language">The customer's language.</param>
/// <param name="Region">The region.</param>
/// <param name="Channel">The intake channel.</param>
/// <param name="Request">What the customer asked for.</param>
/// <param name="AboutStaff">The staff member complained about, if any.</param>
/// <param name="CreatedAt">When the case was opened.</param>
/// <param name="NextDeadline">The earliest running deadline.</param>
/// <param name="NextClock">Which clock that is.</param>
/// <param name="FirstResponseAt">When the customer first had a response.</param>
/// <param name="ResolvedAt">When the case was resolved.</param>
/// <param name="ClosedAt">When the case was closed or withdrawn.</param>
/// <param name="SatisfactionScore">The survey score.</param>
/// <param name="ReopenedCount">How often a low score reopened the case.</param>
/// <param name="ClocksPaused">Whether the clocks are paused while the case waits on the customer.</param>
/// <param name="Clocks">The running clocks, earliest first.</param>
/// <param name="AllowedActions">The actions the case's state allows (route names).</param>
/// <param name="Timeline">Every step, oldest first.</param>
public sealed record CaseView(
    string CaseNumber,
    string Status,
    string Type,
    string? Severity,
    int Level,
    string? Department,
    string MaskedPhone,
    string Language,
    string? Region,
    string? Channel,
    CustomerRequest? Request,
    string? AboutStaff,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDeadline,
    string? NextClock,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int? SatisfactionScore,
    int ReopenedCount,
    bool ClocksPaused,
    IReadOnlyList<ClockState> Clocks,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>The view of <paramref name="c"/> with its timeline and the orchestration's clocks.</summary>
    public static CaseView From(Case c, IReadOnlyList<TimelineEntry> timeline, LifecycleStatus? lifecycle, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new CaseView(
            c.CaseNumber, c.Status, c.Type, c.Severity, c.Level, c.Department, c.MaskedPhone, c.Language, c.Region, c.Channel,
            c.Request, c.AboutStaff, c.CreatedAt, c.NextDeadline, c.NextClock, c.FirstResponseAt, c.ResolvedAt, c.ClosedAt,
            c.SatisfactionScore, c.ReopenedCount, lifecycle?.Paused ?? false, c.IsOpen ? lifecycle?.Clocks ?? [] : [], allowed, timeline);
    }
}

/// <summary>The answer to an accepted action (202): the event is on its way to the case's orchestration.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="Action">The action (route name).</param>
/// <param name="FromStatus">The state the action was checked against.</param>
/// <param name="StatusUrl">Where to read the case.</param>
public sealed record CaseActionAccepted(string CaseNumber, string Action, string FromStatus, string StatusUrl);
