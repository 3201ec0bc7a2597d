using Microsoft.Extensions.Options;
using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// Plans service-level deadlines (SPEC section 3) from the configured policies and the region's
/// business calendar. Pure: every instant is passed in, so the orchestrator can call it on replay.
/// </summary>
/// <remarks>
/// What stops which clock (the orchestrator's contract, also in docs):
/// <list type="bullet">
/// <item><description>forward: the <c>forward</c> action (the case reaches the responsible department);</description></item>
/// <item><description>first response / staff-complaint answer / inquiry answer: the first <c>respond</c> action, i.e. a message
/// to the customer recorded by staff; an internal <c>note</c>, a forward or an automatic SMS is not a response;</description></item>
/// <item><description>completion: <c>resolve</c>; tell-customer: the resolution message to the customer;</description></item>
/// <item><description>approval: <c>approve</c> or <c>reject</c>; supervisor review: <c>resolve</c>, <c>final-decision</c> or <c>close</c>.</description></item>
/// </list>
/// </remarks>
public sealed class DeadlinePlanner(IOptions<ServiceLevelOptions> options, BusinessCalendars calendars)
{
    private readonly ServiceLevelOptions _options = options.Value;

    /// <summary>The clocks that start when a case is opened (none for a suggestion).</summary>
    public static IReadOnlyList<ClockKind> OpeningClocks(CaseType type, bool aboutStaff) => type switch
    {
        CaseType.Complaint when aboutStaff => [ClockKind.StaffComplaintAnswer],
        CaseType.Complaint => [ClockKind.Forward, ClockKind.FirstResponse],
        CaseType.ServiceRequest => [ClockKind.Forward, ClockKind.Completion],
        CaseType.Inquiry => [ClockKind.InquiryAnswer],
        _ => [],
    };

    /// <summary>Whether a compensation needs a supervisor's approval (above the agent's authority).</summary>
    public bool NeedsApproval(decimal compensation) => compensation > _options.AgentCompensationAuthority;

    /// <summary>Plans a clock that starts at <paramref name="startedAt"/>, stood still during <paramref name="pauses"/>.</summary>
    public Deadline Plan(
        ClockKind clock,
        CaseType type,
        Severity severity,
        string? region,
        DateTimeOffset startedAt,
        IReadOnlyCollection<PauseInterval>? pauses = null)
    {
        var calendar = calendars.For(region);
        var (basis, length) = LengthOf(clock, type, severity, calendar, startedAt);
        return Schedule(
            new Deadline(clock, startedAt, startedAt, startedAt, basis, length, type, severity, calendar.Region),
            pauses);
    }

    /// <summary>
    /// Recomputes a running clock after a change of severity, type or department: the clock keeps its
    /// start (so elapsed time stays spent) and takes the length the new facts give.
    /// </summary>
    public Deadline Recompute(
        Deadline current,
        CaseType type,
        Severity severity,
        IReadOnlyCollection<PauseInterval>? pauses = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var calendar = calendars.For(current.Region);
        var (basis, length) = LengthOf(current.Clock, type, severity, calendar, current.StartedAt);
        if (current.Stage == EscalationStage.Supervisor)
        {
            length = Scale(length, _options.SupervisorClockFraction);
        }

        return Schedule(current with { Basis = basis, Length = length, Type = type, Severity = severity }, pauses);
    }

    /// <summary>Recomputes a clock's due and warning times after a pause ended (or to include every pause so far).</summary>
    public Deadline Resume(Deadline current, IReadOnlyCollection<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(pauses);
        return Schedule(current, pauses);
    }

    /// <summary>The supervisor's new, shorter clock after <paramref name="breached"/> ran out at <paramref name="breachedAt"/>.</summary>
    public Deadline PlanSupervisorClock(Deadline breached, DateTimeOffset breachedAt)
    {
        ArgumentNullException.ThrowIfNull(breached);
        var length = Scale(breached.Length, _options.SupervisorClockFraction);
        var basis = breached.Basis == ClockBasis.SameWorkingDay ? ClockBasis.WorkingTime : breached.Basis;
        return Schedule(
            breached with { StartedAt = breachedAt, Length = length, Basis = basis, Stage = EscalationStage.Supervisor },
            pauses: null);
    }

    private Deadline Schedule(Deadline deadline, IReadOnlyCollection<PauseInterval>? pauses)
    {
        var calendar = calendars.For(deadline.Region);
        var merged = Merge(pauses);
        var due = Run(deadline, deadline.Length, merged, calendar);
        var warn = Run(deadline, Scale(deadline.Length, _options.WarnAtFraction), merged, calendar);
        return deadline with { DueAt = due, WarnAt = warn };
    }

    // Walks the pauses in order: a pause that starts before the clock runs out moves the rest of the
    // clock to the pause's end. In working time only the working time inside a pause is given back.
    private static DateTimeOffset Run(Deadline deadline, TimeSpan length, List<PauseInterval> pauses, BusinessCalendar calendar)
    {
        var wall = deadline.Basis == ClockBasis.WallClock;
        DateTimeOffset Add(DateTimeOffset from, TimeSpan span) => wall ? from + span : calendar.AddWorkingTime(from, span);
        TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => wall ? to - from : calendar.WorkingTimeBetween(from, to);

        var due = Add(deadline.StartedAt, length);
        foreach (var pause in pauses)
        {
            var from = pause.From > deadline.StartedAt ? pause.From : deadline.StartedAt;
            if (pause.To <= from)
            {
                continue;
            }

            if (from >= due)
            {
                break;
            }

            due = Add(pause.To, Between(from, due));
        }

        return due;
    }

    private (ClockBasis Basis, TimeSpan Length) LengthOf(
        ClockKind clock, CaseType type, Severity severity, BusinessCalendar calendar, DateTimeOffset startedAt)
    {
        if (!_options.Clocks.TryGetValue(clock, out var policy))
        {
            throw new InvalidOperationException($"ServiceLevels:Clocks has no policy for {clock}.");
        }

        if (policy.ByType.TryGetValue(type, out var forType))
        {
            policy = forType;
        }

        if (severity != Severity.Normal && policy.BySeverity.TryGetValue(severity, out var replacement))
        {
            return Measure(replacement, calendar, startedAt);
        }

        var (basis, length) = Measure(policy, calendar, startedAt);
        return severity == Severity.Normal ? (basis, length) : (basis, Scale(length, _options.UrgentFactor));
    }

    private static (ClockBasis Basis, TimeSpan Length) Measure(ClockPolicyOptions policy, BusinessCalendar calendar, DateTimeOffset startedAt)
    {
        if (policy.Basis == ClockBasis.SameWorkingDay)
        {
            return (ClockBasis.SameWorkingDay, calendar.WorkingTimeBetween(startedAt, calendar.SameWorkingDayEnd(startedAt)));
        }

        var length = policy.WorkingDays is { } days ? calendar.WorkingDayLength * days : policy.Length ?? TimeSpan.Zero;
        return (policy.Basis, length);
    }

    private static TimeSpan Scale(TimeSpan length, double factor) => TimeSpan.FromTicks((long)Math.Round(length.Ticks * factor));

    private static List<PauseInterval> Merge(IReadOnlyCollection<PauseInterval>? pauses)
    {
        var merged = new List<PauseInterval>();
        if (pauses is null)
        {
            return merged;
        }

        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.To < pause.From)
            {
                throw new ArgumentException($"A pause ends ({pause.To:O}) before it begins ({pause.From:O}).", nameof(pauses));
            }

            if (merged.Count > 0 && pause.From <= merged[^1].To)
            {
                var last = merged[^1];
                merged[^1] = last with { To = pause.To > last.To ? pause.To : last.To };
            }
            else
            {
                merged.Add(pause);
            }
        }

        return merged;
    }
}
