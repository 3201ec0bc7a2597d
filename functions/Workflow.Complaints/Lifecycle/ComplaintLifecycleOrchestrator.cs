using Microsoft.Extensions.Options;
using Workflow.Complaints.Lifecycle.Activities;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Triage;
using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// One case's whole life as one durable orchestration (SPEC sections 2-5): record, acknowledge, triage,
/// service-level clocks raced against staff events, escalation, progress SMS, resolution, survey, close.
/// Every side effect is an activity; every clock is a durable timer at an exact instant.
/// </summary>
public sealed class ComplaintLifecycleOrchestrator(
    DeadlinePlanner planner,
    BusinessCalendars calendars,
    IOptions<ServiceLevelOptions> serviceLevels,
    IOptions<LifecycleOptions> lifecycle,
    ILogger<ComplaintLifecycleOrchestrator> logger) : TaskOrchestrator<CaseOpened, CaseOutcome>
{
    private const string System = "system";

    private TaskOrchestrationContext _context = null!;
    private ILogger _log = null!;
    private CaseOpened _case = null!;
    private CaseStatus _status;
    private Severity _severity;
    private string _department = "";
    private string _region = "";
    private SortedDictionary<ClockKind, RunningClock> _clocks = [];
    private List<PauseInterval> _pauses = [];
    private Dictionary<string, int> _smsSent = [];
    private DateTimeOffset? _pausedSince;
    private DateTimeOffset? _nextProgressAt;
    private DateTimeOffset? _surveySentAt;
    private bool _surveyReminded;
    private bool _reviewed;
    private bool _finalDecision;
    private bool _escalatedByHand;
    private int? _score;
    private int _sequence;
    private int _notifications;
    private int _step;
    private CaseUpdate? _synced;

    private CaseType Type => _case.Complaint.Type;

    private DateTimeOffset Now => new(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <inheritdoc />
    public override async Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseOpened input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        Begin(context, input);

        // SPEC 2: triage first, so the acknowledgement can promise the right time.
        var triage = await ActivityAsync<TriageResult>(nameof(TriageCaseActivity), input.Complaint);
        _severity = triage.Severity;
        _department = triage.Department;
        _region = calendars.For(input.Complaint.Region).Region;
        var openedAt = Now;
        foreach (var clock in DeadlinePlanner.OpeningClocks(Type, triage.AboutStaff))
        {
            _clocks[clock] = new RunningClock(planner.Plan(clock, Type, _severity, _region, openedAt));
        }

        // SPEC 1: record the case.
        await ActivityAsync<bool>(nameof(RecordCaseActivity), new CaseRecord(
            input.CaseNumber, input.Language, Type, _region, _severity, triage.Level, _department, openedAt, NextDeadline(), NextClock()));
        await TimelineAsync(TimelineKinds.Recorded, Invariant($"{Type} recorded"), actor: input.Complaint.Channel ?? "customer");
        await TimelineAsync(TimelineKinds.Triaged, Invariant(
            $"severity {_severity}, level {triage.Level}, department {_department}; {string.Join("; ", triage.Reasons)}"));
        foreach (var (kind, clock) in _clocks)
        {
            await TimelineAsync(TimelineKinds.ClockStarted, Invariant($"{kind} clock started"), clock: kind, newDeadline: clock.Deadline.DueAt);
        }

        // SPEC 3: the acknowledgement names the promised time, and out of hours when staff are back.
        var calendar = calendars.For(_region);
        var backAt = calendar.IsWorkingTime(openedAt) ? (DateTimeOffset?)null : calendar.NextWorkingMoment(openedAt);
        // A case without a customer-facing clock (a suggestion) has no time to promise: its own wording, no empty {deadline}.
        var promised = PromisedAt();
        await SmsAsync(promised is null ? SmsSteps.SuggestionAcknowledgement : SmsSteps.Acknowledgement, deadline: promised, backAt: backAt);

        // SPEC 2: critical → department head and supervisor at once; level 2 → risk control and PR at once.
        if (triage.NotifyDepartmentHeadAtOnce)
        {
            await NotifyAsync(StaffRole.DepartmentHead, "critical", "Critical case: emergency path started.", critical: true);
            await NotifyAsync(StaffRole.Supervisor, "critical", "Critical case: emergency path started.", critical: true);
        }

        if (triage.NotifyRiskAndPublicRelations)
        {
            await NotifyAsync(StaffRole.RiskControl, "level2", "Level-2 case: joint handling; outbound wording is reviewed.", critical: true);
            await NotifyAsync(StaffRole.PublicRelations, "level2", "Level-2 case: joint handling; outbound wording is reviewed.", critical: true);
        }

        LifecycleLog.Opened(_log, input.CaseNumber, _severity, triage.Level, _department);

        // SPEC 3-5: clocks, warnings, escalations, progress and survey timers raced against staff events.
        while (!CaseTransitions.IsFinished(_status))
        {
            await FireDueAsync(Now);
            if (CaseTransitions.IsFinished(_status))
            {
                break;
            }

            await SyncCaseAsync();
            await WaitForEventOrTimerAsync();
        }

        // SPEC 6: closed; the case row holds the timeline from here on.
        _clocks.Clear();
        await TimelineAsync(TimelineKinds.Ended, Invariant($"case {_status}"));
        await SyncCaseAsync();
        _context.SetCustomStatus(new LifecycleStatus(_status, ++_step, null, null));
        LifecycleLog.Ended(_log, input.CaseNumber, _status);
        return new CaseOutcome(input.CaseNumber, _status, _score, _finalDecision, Now);
    }

    // Fresh state per execution: the orchestrator is replayed from the start on every turn.
    private void Begin(TaskOrchestrationContext context, CaseOpened input)
    {
        _context = context;
        _case = input;
        _log = context.CreateReplaySafeLogger(logger);
        _status = CaseStatus.Open;
        _clocks = [];
        _pauses = [];
        _smsSent = new Dictionary<string, int>(StringComparer.Ordinal);
        _pausedSince = _nextProgressAt = _surveySentAt = null;
        _surveyReminded = _reviewed = _finalDecision = _escalatedByHand = false;
        _score = null;
        _sequence = _notifications = _step = 0;
        _synced = null;
    }

    private async Task WaitForEventOrTimerAsync()
    {
        var wakeAt = NextWakeAt();
        _context.SetCustomStatus(new LifecycleStatus(
            _status, ++_step, NextDeadline(), wakeAt, ClockStates(), _pausedSince is not null, AwaitingSurvey: _status == CaseStatus.Resolved && _surveySentAt is not null));
        using var stop = new CancellationTokenSource();
        var names = LifecycleEvents.All;
        var events = names.Select(name => _context.WaitForExternalEvent<CaseEventData?>(name, stop.Token)).ToList();
        var racers = new List<Task>(events);
        if (wakeAt is { } at)
        {
            racers.Add(_context.CreateTimer(at.UtcDateTime, stop.Token));
        }

        await Task.WhenAny(racers);
        // Cancel, not CancelAsync: the waiters must be released on the orchestration's own scheduler.
#pragma warning disable CA1849
        stop.Cancel();
#pragma warning restore CA1849

        // Events that arrived in the same batch have all completed their waiters: handle each one.
        for (var i = 0; i < names.Count; i++)
        {
            if (events[i].IsCompletedSuccessfully)
            {
                await HandleAsync(names[i], await events[i] ?? new CaseEventData());
            }
        }
    }

    private DateTimeOffset? NextWakeAt()
    {
        var candidates = new List<DateTimeOffset>();
        if (_pausedSince is null)
        {
            candidates.AddRange(_clocks.Values.Select(c => c.Warned || c.Deadline.WarnAt >= c.Deadline.DueAt ? c.Deadline.DueAt : c.Deadline.WarnAt));
        }

        if (_nextProgressAt is { } progress)
        {
            candidates.Add(progress);
        }

        if (_status == CaseStatus.Resolved && _surveySentAt is { } survey)
        {
            candidates.Add(survey + (_surveyReminded ? lifecycle.Value.SurveyCloseAfter : lifecycle.Value.SurveyReminderAfter));
        }

        return candidates.Count == 0 ? null : candidates.Min();
    }

    private async Task FireDueAsync(DateTimeOffset now)
    {
        if (_pausedSince is null)
        {
            foreach (var (kind, clock) in _clocks.OrderBy(c => c.Value.Deadline.DueAt).ToList())
            {
                if (clock.Deadline.DueAt <= now)
                {
                    await BreachAsync(kind, clock, now);
                }
                else if (!clock.Warned && clock.Deadline.WarnAt <= now)
                {
                    await WarnAsync(kind, clock);
                }
            }
        }

        // SPEC 3: open past the first response → a progress SMS every interval.
        if (_nextProgressAt is { } progress && progress <= now)
        {
            var interval = serviceLevels.Value.ProgressInterval;
            _nextProgressAt = progress + interval;
            await SmsAsync(SmsSteps.Progress, deadline: NextDeadline() ?? _nextProgressAt);
        }

        // SPEC 5: one reminder, then the survey closes unanswered.
        if (_status == CaseStatus.Resolved && _surveySentAt is { } surveyAt)
        {
            if (now >= surveyAt + lifecycle.Value.SurveyCloseAfter)
            {
                await TimelineAsync(TimelineKinds.SurveyUnanswered, "survey closed without an answer");
                await MoveAsync(CaseAction.Close, System, "survey unanswered");
            }
            else if (!_surveyReminded && now >= surveyAt + lifecycle.Value.SurveyReminderAfter)
            {
                _surveyReminded = true;
                await SmsAsync(SmsSteps.SurveyReminder);
            }
        }
    }

    private async Task WarnAsync(ClockKind kind, RunningClock clock)
    {
        _clocks[kind] = clock with { Warned = true };
        var role = clock.Deadline.Stage == EscalationStage.Supervisor ? StaffRole.Supervisor : StaffRole.Assignee;
        await TimelineAsync(TimelineKinds.DeadlineWarning, Invariant($"{kind} clock runs out at {clock.Deadline.DueAt:O}"),
            clock: kind, newDeadline: clock.Deadline.DueAt);
        await NotifyAsync(role, "deadline-warning", Invariant($"The {kind} clock runs out at {clock.Deadline.DueAt:O}."), critical: false);
    }

    // SPEC 3: first breach → the supervisor with a new, shorter clock; second → the department head.
    private async Task BreachAsync(ClockKind kind, RunningClock clock, DateTimeOffset now)
    {
        var breached = clock.Deadline;
        await TimelineAsync(TimelineKinds.DeadlineBreached, Invariant($"{kind} clock breached ({breached.Stage})"),
            clock: kind, oldDeadline: breached.DueAt);
        LifecycleLog.Breached(_log, _case.CaseNumber, kind, breached.Stage);
        if (breached.Stage == EscalationStage.Assignee)
        {
            var supervisor = planner.PlanSupervisorClock(breached, now);
            _clocks[kind] = new RunningClock(supervisor);
            await TimelineAsync(TimelineKinds.Escalated, Invariant($"escalated to supervisor: {kind} clock breached"),
                clock: kind, oldDeadline: breached.DueAt, newDeadline: supervisor.DueAt);
            await NotifyAsync(StaffRole.Supervisor, "escalation",
                Invariant($"The {kind} clock was breached; your clock runs out at {supervisor.DueAt:O}."), critical: true);
            await SmsAsync(SmsSteps.DelayApology, deadline: PromisedAt());
        }
        else
        {
            _clocks.Remove(kind);
            await TimelineAsync(TimelineKinds.Escalated, Invariant($"escalated to department head: supervisor's {kind} clock breached"),
                clock: kind, oldDeadline: breached.DueAt);
            await NotifyAsync(StaffRole.DepartmentHead, "escalation",
                Invariant($"The supervisor's {kind} clock was breached as well."), critical: true);
        }
    }

    // SPEC 3 by hand: the next level up from where the case stands; the clocks keep running.
    private async Task EscalateByHandAsync(CaseEventData data)
    {
        var supervisorHasIt = _escalatedByHand || _clocks.Values.Any(c => c.Deadline.Stage == EscalationStage.Supervisor);
        var role = supervisorHasIt ? StaffRole.DepartmentHead : StaffRole.Supervisor;
        _escalatedByHand = true;
        await TimelineAsync(TimelineKinds.Escalated, Invariant($"escalated by hand to {role}: {data.Reason}"), actor: data.Actor ?? "staff");
        await NotifyAsync(role, "escalation", Invariant($"Escalated by {data.Actor}: {data.Reason}"), critical: true);
    }

    private async Task HandleAsync(string eventName, CaseEventData data)
    {
        if (eventName == LifecycleEvents.SurveyReplied)
        {
            await SurveyRepliedAsync(data);
            return;
        }

        var action = LifecycleEvents.ActionFor(eventName)
            ?? throw new InvalidOperationException($"No action for event {eventName}.");
        var actor = data.Actor ?? "staff";
        var previous = _status;
        if (!await MoveAsync(action, actor, data.Reason))
        {
            return;
        }

        var now = Now;
        switch (action)
        {
            case CaseAction.Forward:
                _department = data.Department ?? _department;
                await StopClocksAsync(now, ClockKind.Forward);
                await SmsAsync(SmsSteps.Forwarded, deadline: PromisedAt());
                break;

            case CaseAction.Respond:
                // The first response: a message to the customer recorded by staff (not a note).
                await StopClocksAsync(now, ClockKind.FirstResponse, ClockKind.StaffComplaintAnswer, ClockKind.InquiryAnswer);
                if (_nextProgressAt is null && previous != CaseStatus.Resolved && previous != CaseStatus.UnderReview)
                {
                    _nextProgressAt = now + serviceLevels.Value.ProgressInterval;
                }

                break;

            case CaseAction.RequestInfo:
                _pausedSince = now;
                await SmsAsync(SmsSteps.InformationRequest);
                break;

            case CaseAction.CustomerInfoReceived:
                await EndPauseAsync(now);
                break;

            case CaseAction.Resolve:
                await ResolveAsync(now, data);
                break;

            case CaseAction.RequestApproval:
                // SPEC 4: the approval has its own clock, and the customer is told of the wait.
                var approval = planner.Plan(ClockKind.Approval, Type, _severity, _region, now);
                _clocks[ClockKind.Approval] = new RunningClock(approval);
                await TimelineAsync(TimelineKinds.ClockStarted, Invariant($"{ClockKind.Approval} clock started for {data.Compensation}"),
                    clock: ClockKind.Approval, newDeadline: approval.DueAt);
                await NotifyAsync(StaffRole.Supervisor, "approval", Invariant($"Please approve or reject a compensation of {data.Compensation}."), critical: false);
                await SmsAsync(SmsSteps.Progress, deadline: approval.DueAt);
                break;

            case CaseAction.Approve or CaseAction.Reject:
                await StopClocksAsync(now, ClockKind.Approval);
                await NotifyAsync(StaffRole.Assignee, action == CaseAction.Approve ? "approved" : "rejected",
                    Invariant($"The compensation was {(action == CaseAction.Approve ? "approved" : "rejected")}."), critical: false);
                break;

            case CaseAction.Reassign:
                _department = data.Department ?? _department;
                await NotifyAsync(StaffRole.Assignee, "assigned", Invariant($"Case assigned to {_department}."), critical: false);
                await RecomputeAsync(now, Invariant($"reassigned to {_department}"));
                break;

            case CaseAction.ChangeSeverity when data.Severity is { } severity && severity != _severity:
                var old = _severity;
                _severity = severity;
                await RecomputeAsync(now, Invariant($"severity {old} → {severity}"));
                if (severity == Severity.Critical)
                {
                    await NotifyAsync(StaffRole.DepartmentHead, "critical", "Case raised to critical.", critical: true);
                    await NotifyAsync(StaffRole.Supervisor, "critical", "Case raised to critical.", critical: true);
                }

                break;

            case CaseAction.Escalate:
                await EscalateByHandAsync(data);
                break;

            case CaseAction.FinalDecision:
                _finalDecision = true;
                await SmsAsync(SmsSteps.FinalDecision, remedy: data.Remedy);
                break;

            default:
                // Note, close, withdraw: the move and its timeline entry are all.
                break;
        }
    }

    private async Task ResolveAsync(DateTimeOffset now, CaseEventData data)
    {
        if (_pausedSince is not null)
        {
            await EndPauseAsync(now);
        }

        await StopClocksAsync(now, [.. _clocks.Keys]);
        _nextProgressAt = null;
        await SmsAsync(SmsSteps.Resolution, remedy: data.Remedy);

        // SPEC 4: an inquiry's answer closes it; a reviewed case closes after the review's resolution.
        if (Type == CaseType.Inquiry || _reviewed)
        {
            await MoveAsync(CaseAction.Close, System, Type == CaseType.Inquiry ? "inquiry answered" : "review resolved");
            return;
        }

        // SPEC 5: the satisfaction survey.
        _surveySentAt = now;
        _surveyReminded = false;
        await SmsAsync(SmsSteps.Survey);
    }

    private async Task SurveyRepliedAsync(CaseEventData data)
    {
        if (_status != CaseStatus.Resolved || data.Score is not { } score)
        {
            await TimelineAsync(TimelineKinds.Refused, Invariant($"survey reply not expected while {_status}"), actor: "customer");
            LifecycleLog.SurveyReplyIgnored(_log, _case.CaseNumber, _status);
            return;
        }

        _score = score;
        _surveySentAt = null;
        await TimelineAsync(TimelineKinds.SurveyAnswered, Invariant($"score {score}"), actor: "customer");
        if (score <= lifecycle.Value.LowScoreThreshold && !_finalDecision)
        {
            // SPEC 5: unsatisfied → a supervisor reviews the case on its own clock.
            _status = CaseTransitions.Apply(_status, CaseAction.SurveyLowScoreReopen);
            _reviewed = true;
            var review = planner.Plan(ClockKind.SupervisorReview, Type, _severity, _region, Now);
            _clocks[ClockKind.SupervisorReview] = new RunningClock(review);
            await TimelineAsync(TimelineKinds.Reopened, Invariant($"score {score}: reopened for supervisor review"),
                clock: ClockKind.SupervisorReview, newDeadline: review.DueAt);
            await NotifyAsync(StaffRole.Supervisor, "review", Invariant($"Survey score {score}: please review the case."), critical: false);
            return;
        }

        await MoveAsync(CaseAction.Close, System, "survey answered");
    }

    // Applies a move through the transition table; a move the table refuses is recorded, not applied.
    private async Task<bool> MoveAsync(CaseAction action, string actor, string? reason)
    {
        try
        {
            _status = CaseTransitions.Apply(_status, action);
        }
        catch (InvalidCaseTransitionException refused)
        {
            await TimelineAsync(TimelineKinds.Refused, refused.Message, actor: actor);
            LifecycleLog.Refused(_log, _case.CaseNumber, action, _status);
            return false;
        }

        await TimelineAsync(TimelineKinds.Action, reason is null ? action.ToName() : Invariant($"{action.ToName()}: {reason}"), actor: actor);
        if (CaseTransitions.IsFinished(_status))
        {
            _clocks.Clear();
            _nextProgressAt = null;
        }

        return true;
    }

    private async Task StopClocksAsync(DateTimeOffset now, params ClockKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (_clocks.Remove(kind, out var clock))
            {
                await TimelineAsync(TimelineKinds.ClockMet, Invariant($"{kind} clock stopped at {now:O}"),
                    clock: kind, newDeadline: clock.Deadline.DueAt);
            }
        }
    }

    private async Task EndPauseAsync(DateTimeOffset now)
    {
        if (_pausedSince is not { } since)
        {
            return;
        }

        _pauses.Add(new PauseInterval(since, now));
        _pausedSince = null;
        foreach (var (kind, clock) in _clocks.ToList())
        {
            var resumed = planner.Resume(clock.Deadline, _pauses);
            await ReplanAsync(kind, clock, resumed, now, "resumed after waiting on the customer");
        }
    }

    // SPEC 3: a change of severity, type or department recomputes the running clocks at once.
    private async Task RecomputeAsync(DateTimeOffset now, string reason)
    {
        foreach (var (kind, clock) in _clocks.ToList())
        {
            var recomputed = planner.Recompute(clock.Deadline, Type, _severity, _pauses);
            await ReplanAsync(kind, clock, recomputed, now, reason);
        }
    }

    private async Task ReplanAsync(ClockKind kind, RunningClock clock, Deadline next, DateTimeOffset now, string reason)
    {
        _clocks[kind] = new RunningClock(next, clock.Warned && next.WarnAt <= now);
        if (next.DueAt != clock.Deadline.DueAt)
        {
            await TimelineAsync(TimelineKinds.DeadlineRecomputed, Invariant($"{kind}: {reason}"),
                clock: kind, oldDeadline: clock.Deadline.DueAt, newDeadline: next.DueAt);
        }
    }

    // The time promised to the customer: the earliest customer-facing clock (forwarding is internal).
    private DateTimeOffset? PromisedAt()
    {
        var facing = _clocks.Where(c => c.Key != ClockKind.Forward).Select(c => c.Value.Deadline.DueAt).ToList();
        return facing.Count == 0 ? null : facing.Min();
    }

    private DateTimeOffset? NextDeadline() =>
        _pausedSince is null && _clocks.Count > 0 ? _clocks.Values.Min(c => c.Deadline.DueAt) : null;

    private List<ClockState> ClockStates() =>
    [
        .. _clocks.OrderBy(c => c.Value.Deadline.DueAt).Select(c => new ClockState(
            c.Key, c.Value.Deadline.StartedAt, c.Value.Deadline.DueAt, c.Value.Deadline.WarnAt, c.Value.Deadline.Stage, c.Value.Warned)),
    ];

    private ClockKind? NextClock() =>
        _pausedSince is null && _clocks.Count > 0 ? _clocks.MinBy(c => c.Value.Deadline.DueAt).Key : null;

    private async Task SmsAsync(string step, DateTimeOffset? deadline = null, string? remedy = null, DateTimeOffset? backAt = null)
    {
        var occurrence = _smsSent[step] = _smsSent.GetValueOrDefault(step) + 1;
        var request = new SmsRequest(_case.CaseNumber, step, occurrence, _department, deadline, remedy, backAt);
        try
        {
            var status = await ActivityAsync<SmsSendStatus>(nameof(SendSmsActivity), request);
            await TimelineAsync(status == SmsSendStatus.Failed ? TimelineKinds.SmsFailed : TimelineKinds.SmsSent, Invariant($"{request.MessageStep}: {status}"));
        }
        catch (TaskFailedException failed)
        {
            // An SMS that cannot go out must not stop the case's clocks.
            await TimelineAsync(TimelineKinds.SmsFailed, Invariant($"{request.MessageStep}: {failed.FailureDetails.ErrorMessage}"));
        }
    }

    private async Task NotifyAsync(StaffRole role, string subject, string text, bool critical)
    {
        var key = Invariant($"{++_notifications}/{subject}/{role}");
        // Non-critical notifications to a person wait for their working hours.
        var now = Now;
        var deliverAt = critical ? now : calendars.For(_region).NextWorkingMoment(now);
        try
        {
            await ActivityAsync<bool>(nameof(NotifyStaffActivity),
                new StaffNotification(_case.CaseNumber, key, role, _department, subject, text, critical, now, deliverAt));
            await TimelineAsync(TimelineKinds.Notified, Invariant($"{role}: {subject}"));
        }
        catch (TaskFailedException failed)
        {
            await TimelineAsync(TimelineKinds.NotificationFailed, Invariant($"{role}: {subject}: {failed.FailureDetails.ErrorMessage}"));
        }
    }

    private Task<bool> TimelineAsync(
        string kind,
        string reason,
        string actor = System,
        ClockKind? clock = null,
        DateTimeOffset? oldDeadline = null,
        DateTimeOffset? newDeadline = null) =>
        ActivityAsync<bool>(nameof(AppendTimelineActivity),
            new TimelineEntry(_case.CaseNumber, ++_sequence, Now, actor, kind, reason, clock, oldDeadline, newDeadline));

    private async Task SyncCaseAsync()
    {
        var update = new CaseUpdate(_case.CaseNumber, _status, _severity, _department, NextDeadline(), _score, NextClock());
        if (update != _synced)
        {
            _synced = update;
            await ActivityAsync<bool>(nameof(UpdateCaseActivity), update);
        }
    }

    // Every side effect retries on durable timers; a failure after the last attempt reaches the caller.
    private Task<T> ActivityAsync<T>(string name, object input) =>
        _context.CallActivityAsync<T>(name, input, TaskOptions.FromRetryPolicy(new RetryPolicy(
            lifecycle.Value.ActivityMaxAttempts, lifecycle.Value.ActivityFirstRetryInterval, backoffCoefficient: 2)));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
