using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Triage;
using Xunit;
using static Workflow.Complaints.Tests.Lifecycle.LifecycleHarness;

namespace Workflow.Complaints.Tests.Lifecycle;

public class ComplaintLifecycleOrchestratorTests
{
    private static readonly DateTimeOffset T = Opening;
    private static readonly CaseEventData Agent = new(Actor: "agent-li");

    [Fact]
    public async Task RunAsync_ComplaintHappyPath_EveryClockAndTimelineEntry()
    {
        await using var host = await StartAsync();

        var opened = await host.OpenAsync(Complaint("C-20261123-000001"));
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Equal(T.AddHours(1), opened.NextDeadline);
        Assert.Equal(T.AddMinutes(45), opened.WakeAt);
        AssertEntries(host.Timeline,
            (TimelineKinds.Recorded, null),
            (TimelineKinds.Triaged, null),
            (TimelineKinds.ClockStarted, ClockKind.Forward),
            (TimelineKinds.ClockStarted, ClockKind.FirstResponse),
            (TimelineKinds.SmsSent, null));
        Assert.Equal(T.AddHours(1), host.Timeline[2].NewDeadline);
        Assert.Equal(T.AddHours(24), host.Timeline[3].NewDeadline);
        var acknowledgement = Assert.Single(host.SmsSent);
        Assert.Equal(SmsSteps.Acknowledgement, acknowledgement.Step);
        Assert.True(acknowledgement.Essential);
        Assert.Contains("C-20261123-000001", acknowledgement.Body, StringComparison.Ordinal);
        Assert.Contains("2026-11-24 10:00", acknowledgement.Body, StringComparison.Ordinal); // 24 h, in Beijing time
        Assert.DoesNotContain("closed now", acknowledgement.Body, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Open, host.Cases.Latest(host.CaseNumber)!.Status);

        var seen = host.Timeline.Count;
        var forwarded = await host.RaiseAsync(LifecycleEvents.Forwarded, Agent with { Department = "billing" }, T.AddMinutes(20));
        Assert.Equal(CaseStatus.Forwarded, forwarded.Status);
        Assert.Equal(T.AddHours(24), forwarded.NextDeadline);
        Assert.Equal(T.AddHours(18), forwarded.WakeAt);
        AssertEntries(host.TimelineSince(seen),
            (TimelineKinds.Action, null), (TimelineKinds.ClockMet, ClockKind.Forward), (TimelineKinds.SmsSent, null));
        Assert.Equal("agent-li", host.TimelineSince(seen)[0].Actor);
        Assert.Equal(T.AddMinutes(20), host.TimelineSince(seen)[1].At);
        Assert.Contains("billing", host.SmsSent[^1].Body, StringComparison.Ordinal);
        Assert.Equal(SmsSteps.Forwarded, host.SmsSent[^1].Step);

        seen = host.Timeline.Count;
        var responded = await host.RaiseAsync(LifecycleEvents.Responded, Agent with { Reason = "called the customer" }, T.AddHours(2));
        Assert.Equal(CaseStatus.InProgress, responded.Status);
        Assert.Null(responded.NextDeadline);
        Assert.Equal(T.AddHours(26), responded.WakeAt); // the first progress SMS
        AssertEntries(host.TimelineSince(seen), (TimelineKinds.Action, null), (TimelineKinds.ClockMet, ClockKind.FirstResponse));

        seen = host.Timeline.Count;
        var resolved = await host.RaiseAsync(LifecycleEvents.Resolved, Agent with { Remedy = "refund of 20 CNY", Responsibility = "company" }, T.AddHours(5));
        Assert.Equal(CaseStatus.Resolved, resolved.Status);
        Assert.Equal(T.AddHours(29), resolved.WakeAt); // the survey reminder
        AssertEntries(host.TimelineSince(seen), (TimelineKinds.Action, null), (TimelineKinds.SmsSent, null), (TimelineKinds.SmsSent, null));
        Assert.Equal([SmsSteps.Resolution, SmsSteps.Survey], host.SmsSent.Skip(2).Select(m => m.Step));
        Assert.Contains("refund of 20 CNY", host.SmsSent[2].Body, StringComparison.Ordinal);

        seen = host.Timeline.Count;
        await host.RaiseAsync(LifecycleEvents.SurveyReplied, new CaseEventData(Actor: "customer", Score: 5), T.AddHours(6));
        var outcome = await host.OutcomeAsync();
        Assert.Equal(new CaseOutcome(host.CaseNumber, CaseStatus.Closed, 5, false, T.AddHours(6)), outcome);
        AssertEntries(host.TimelineSince(seen), (TimelineKinds.SurveyAnswered, null), (TimelineKinds.Action, null), (TimelineKinds.Ended, null));
        Assert.Equal(new CaseUpdate(host.CaseNumber, CaseStatus.Closed, Severity.Normal, "billing", null, 5), host.Cases.Latest(host.CaseNumber));
        Assert.Empty(host.Notified);
        Assert.DoesNotContain(host.Timeline, e => e.Kind is TimelineKinds.DeadlineWarning or TimelineKinds.DeadlineBreached);
    }

    [Fact]
    public async Task RunAsync_NoForwardInThreeQuartersOfAnHour_WarnsTheAssigneeExactlyThen()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000002"));
        var seen = host.Timeline.Count;

        var warned = await host.AdvanceToAsync(T.AddMinutes(45));

        var warning = Assert.Single(host.TimelineSince(seen), e => e.Kind == TimelineKinds.DeadlineWarning);
        Assert.Equal(T.AddMinutes(45), warning.At);
        Assert.Equal(ClockKind.Forward, warning.Clock);
        Assert.Equal(T.AddHours(1), warning.NewDeadline);
        var notice = Assert.Single(host.Notified);
        Assert.Equal((StaffRole.Assignee, "deadline-warning"), (notice.Role, notice.Subject));
        Assert.Equal(T.AddMinutes(45), notice.At);
        Assert.Equal(T.AddHours(1), warned.WakeAt);
        Assert.DoesNotContain(host.Timeline, e => e.Kind == TimelineKinds.DeadlineBreached);
    }

    [Fact]
    public async Task RunAsync_NoForwardInOneHour_EscalatesToTheSupervisorWithAShorterClock()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000003"));
        await host.AdvanceToAsync(T.AddMinutes(45));
        var seen = host.Timeline.Count;

        var escalated = await host.AdvanceToAsync(T.AddHours(1));

        var entries = host.TimelineSince(seen);
        AssertEntries(entries,
            (TimelineKinds.DeadlineBreached, ClockKind.Forward), (TimelineKinds.Escalated, ClockKind.Forward),
            (TimelineKinds.Notified, null), (TimelineKinds.SmsSent, null));
        Assert.All(entries, e => Assert.Equal(T.AddHours(1), e.At));
        Assert.Equal(T.AddHours(1), entries[1].OldDeadline);
        Assert.Equal(T.AddMinutes(90), entries[1].NewDeadline); // half the breached clock, from the breach
        Assert.Contains("supervisor", entries[1].Reason, StringComparison.Ordinal);
        Assert.Equal((StaffRole.Supervisor, "escalation"), (host.Notified[^1].Role, host.Notified[^1].Subject));
        Assert.Equal(SmsSteps.DelayApology, host.SmsSent[^1].Step);
        Assert.Contains("2026-11-24 10:00", host.SmsSent[^1].Body, StringComparison.Ordinal);
        Assert.Equal(T.AddMinutes(90), escalated.NextDeadline);
        Assert.Equal(T.AddMinutes(60 + 22.5), escalated.WakeAt); // the supervisor's clock warns at 75% too
    }

    [Fact]
    public async Task RunAsync_SupervisorClockBreachedToo_EscalatesToTheDepartmentHead()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000004"));
        await host.AdvanceToAsync(T.AddMinutes(45));
        await host.AdvanceToAsync(T.AddHours(1));
        await host.AdvanceToAsync(T.AddMinutes(82.5));
        Assert.Equal((StaffRole.Supervisor, "deadline-warning"), (host.Notified[^1].Role, host.Notified[^1].Subject));
        var seen = host.Timeline.Count;

        var second = await host.AdvanceToAsync(T.AddMinutes(90));

        var entries = host.TimelineSince(seen);
        AssertEntries(entries,
            (TimelineKinds.DeadlineBreached, ClockKind.Forward), (TimelineKinds.Escalated, ClockKind.Forward), (TimelineKinds.Notified, null));
        Assert.Contains("department head", entries[1].Reason, StringComparison.Ordinal);
        Assert.Equal(T.AddMinutes(90), entries[1].At);
        var head = host.Notified[^1];
        Assert.Equal((StaffRole.DepartmentHead, "escalation", true), (head.Role, head.Subject, head.Critical));
        Assert.Equal(T.AddHours(24), second.NextDeadline); // only the first-response clock still runs
        Assert.Equal(T.AddHours(18), second.WakeAt);
    }

    [Fact]
    public async Task RunAsync_UrgentComplaint_EveryClockHalved()
    {
        await using var host = await StartAsync();

        var opened = await host.OpenAsync(Complaint("C-20261123-000005", "I was charged twice for one order and lost money."));

        Assert.Equal(Severity.Urgent, host.Cases.Case(host.CaseNumber)!.Severity);
        var started = host.Timeline.Where(e => e.Kind == TimelineKinds.ClockStarted).ToList();
        Assert.Equal([T.AddMinutes(30), T.AddHours(12)], started.Select(e => e.NewDeadline!.Value));
        Assert.Equal(T.AddMinutes(22.5), opened.WakeAt);
    }

    [Fact]
    public async Task RunAsync_CriticalComplaint_NotifiesDepartmentHeadAndSupervisorAtOnce()
    {
        await using var host = await StartAsync();

        await host.OpenAsync(Complaint("C-20261123-000006", "Total outage, no service in the whole building."));

        Assert.Equal(Severity.Critical, host.Cases.Case(host.CaseNumber)!.Severity);
        Assert.Equal([StaffRole.DepartmentHead, StaffRole.Supervisor], host.Notified.Select(n => n.Role));
        Assert.All(host.Notified, n => Assert.Equal((T, true, "critical"), (n.At, n.Critical, n.Subject)));
        var firstResponse = Assert.Single(host.Timeline, e => e.Clock == ClockKind.FirstResponse);
        Assert.Equal(T.AddHours(2), firstResponse.NewDeadline);
    }

    [Fact]
    public async Task RunAsync_SeverityRaised_RecomputesRunningClocksAtOnceWithOldAndNewDeadline()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000007"));
        var seen = host.Timeline.Count;

        var raised = await host.RaiseAsync(LifecycleEvents.SeverityChanged, Agent with { Severity = Severity.Urgent, Reason = "financial loss" }, T.AddMinutes(10));

        var recomputed = host.TimelineSince(seen).Where(e => e.Kind == TimelineKinds.DeadlineRecomputed).ToList();
        Assert.Equal(
            [(ClockKind.Forward, T.AddHours(1), T.AddMinutes(30)), (ClockKind.FirstResponse, T.AddHours(24), T.AddHours(12))],
            recomputed.Select(e => (e.Clock!.Value, e.OldDeadline!.Value, e.NewDeadline!.Value)));
        Assert.All(recomputed, e => Assert.Equal(T.AddMinutes(10), e.At));
        Assert.Equal(T.AddMinutes(30), raised.NextDeadline);
        Assert.Equal(T.AddMinutes(22.5), raised.WakeAt);
        Assert.Equal(Severity.Urgent, host.Cases.Latest(host.CaseNumber)!.Severity);
    }

    [Fact]
    public async Task RunAsync_AwaitingTheCustomer_ClocksPauseAndResumeRecomputed()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000008"));
        await host.RaiseAsync(LifecycleEvents.Forwarded, Agent, T.AddMinutes(10));

        var paused = await host.RaiseAsync(LifecycleEvents.InfoRequested, Agent with { Reason = "need the receipt" }, T.AddHours(2));
        Assert.Equal(CaseStatus.AwaitingCustomer, paused.Status);
        Assert.Null(paused.NextDeadline);
        Assert.Null(paused.WakeAt);
        Assert.Equal(SmsSteps.InformationRequest, host.SmsSent[^1].Step);
        var seen = host.Timeline.Count;

        // The customer answers 30 hours later, past the original deadline: nothing was breached meanwhile.
        var resumed = await host.RaiseAsync(LifecycleEvents.CustomerInfoReceived, new CaseEventData(Actor: "customer"), T.AddHours(32));

        Assert.Equal(CaseStatus.InProgress, resumed.Status);
        var recomputed = Assert.Single(host.TimelineSince(seen), e => e.Kind == TimelineKinds.DeadlineRecomputed);
        Assert.Equal((ClockKind.FirstResponse, T.AddHours(24), T.AddHours(54)), (recomputed.Clock!.Value, recomputed.OldDeadline!.Value, recomputed.NewDeadline!.Value));
        Assert.Equal(T.AddHours(54), resumed.NextDeadline);
        Assert.Equal(T.AddHours(48), resumed.WakeAt); // 75% of 24 h, shifted by the 30 h pause
        Assert.DoesNotContain(host.Timeline, e => e.Kind is TimelineKinds.DeadlineBreached or TimelineKinds.DeadlineWarning);
    }

    [Fact]
    public async Task RunAsync_OpenPastFirstResponse_ProgressSmsEveryInterval()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000009"));
        await host.RaiseAsync(LifecycleEvents.Forwarded, Agent, T.AddMinutes(10));
        await host.RaiseAsync(LifecycleEvents.Responded, Agent, T.AddHours(1));

        await host.AdvanceToAsync(T.AddHours(25));
        var second = await host.AdvanceToAsync(T.AddHours(49));

        Assert.Equal([SmsSteps.Progress, SmsSteps.Progress + "/2"], host.SmsSent.Where(m => m.Step.StartsWith(SmsSteps.Progress, StringComparison.Ordinal)).Select(m => m.Step));
        Assert.Equal(T.AddHours(73), second.WakeAt);
    }

    [Fact]
    public async Task RunAsync_SurveyUnanswered_OneReminderAfterADayThenClosedAfterThree()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000010"));
        await host.RaiseAsync(LifecycleEvents.Forwarded, Agent, T.AddMinutes(10));
        await host.RaiseAsync(LifecycleEvents.Responded, Agent, T.AddHours(1));
        var resolved = await host.RaiseAsync(LifecycleEvents.Resolved, Agent with { Remedy = "replacement sent" }, T.AddHours(3));
        Assert.Equal(T.AddHours(27), resolved.WakeAt);

        var reminded = await host.AdvanceToAsync(T.AddHours(27));
        Assert.Equal(SmsSteps.SurveyReminder, host.SmsSent[^1].Step);
        Assert.Equal(T.AddHours(75), reminded.WakeAt);
        Assert.Equal(CaseStatus.Resolved, reminded.Status);

        await host.AdvanceToAsync(T.AddHours(75));
        var outcome = await host.OutcomeAsync();

        Assert.Equal(new CaseOutcome(host.CaseNumber, CaseStatus.Closed, null, false, T.AddHours(75)), outcome);
        var unanswered = Assert.Single(host.Timeline, e => e.Kind == TimelineKinds.SurveyUnanswered);
        Assert.Equal(T.AddHours(75), unanswered.At);
        Assert.Single(host.SmsSent, m => m.Step == SmsSteps.SurveyReminder);
    }

    [Fact]
    public async Task RunAsync_LowSurveyScore_ReopensForSupervisorReviewWithItsOwnClock()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000011"));
        await host.RaiseAsync(LifecycleEvents.Forwarded, Agent, T.AddMinutes(10));
        await host.RaiseAsync(LifecycleEvents.Responded, Agent, T.AddHours(1));
        await host.RaiseAsync(LifecycleEvents.Resolved, Agent with { Remedy = "explanation" }, T.AddHours(3));

        var reopened = await host.RaiseAsync(LifecycleEvents.SurveyReplied, new CaseEventData(Actor: "customer", Score: 2), T.AddHours(4));

        Assert.Equal(CaseStatus.UnderReview, reopened.Status);
        var entry = Assert.Single(host.Timeline, e => e.Kind == TimelineKinds.Reopened);
        Assert.Equal((ClockKind.SupervisorReview, T.AddHours(28)), (entry.Clock!.Value, entry.NewDeadline!.Value));
        Assert.Equal(T.AddHours(28), reopened.NextDeadline);
        Assert.Equal(T.AddHours(22), reopened.WakeAt);
        Assert.Equal((StaffRole.Supervisor, "review"), (host.Notified[^1].Role, host.Notified[^1].Subject));

        await host.RaiseAsync(LifecycleEvents.Resolved, new CaseEventData(Actor: "supervisor-wang", Remedy: "coupon of 50 CNY"), T.AddHours(6));
        var outcome = await host.OutcomeAsync();
        Assert.Equal(new CaseOutcome(host.CaseNumber, CaseStatus.Closed, 2, false, T.AddHours(6)), outcome);
        Assert.Contains(host.Timeline, e => e.Kind == TimelineKinds.ClockMet && e.Clock == ClockKind.SupervisorReview);
    }

    [Fact]
    public async Task RunAsync_FinalDecisionBeforeResolution_RefusedByTheTransitionTable()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000012"));

        var still = await host.RaiseAsync(LifecycleEvents.FinalDecision, new CaseEventData(Actor: "supervisor-wang"), T.AddMinutes(5));

        Assert.Equal(CaseStatus.Open, still.Status);
        var refused = Assert.Single(host.Timeline, e => e.Kind == TimelineKinds.Refused);
        Assert.Equal("supervisor-wang", refused.Actor);
        Assert.DoesNotContain(host.SmsSent, m => m.Step == SmsSteps.FinalDecision);
    }

    [Fact]
    public async Task RunAsync_OpenedOnSaturday_AcknowledgementSaysWhenStaffAreBackAndWarningsWaitForWorkingHours()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero); // 10:00 in Beijing
        await using var host = await StartAsync(saturday);
        await host.OpenAsync(Complaint("C-20261128-000001"));

        var acknowledgement = Assert.Single(host.SmsSent);
        Assert.Contains("staff are back at 2026-11-30 09:00", acknowledgement.Body, StringComparison.Ordinal);

        await host.AdvanceToAsync(saturday.AddMinutes(45));
        var warning = Assert.Single(host.Notified);
        Assert.Equal((saturday.AddMinutes(45), new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)), (warning.At, warning.DeliverAt));
        Assert.Empty(host.Notifications.Due(saturday.AddMinutes(45)));

        await host.AdvanceToAsync(saturday.AddHours(1));
        var escalation = host.Notified[^1];
        Assert.Equal((StaffRole.Supervisor, saturday.AddHours(1)), (escalation.Role, escalation.DeliverAt)); // breaches go at once
    }

    [Fact]
    public async Task RunAsync_LegalThreat_NotifiesRiskControlAndPublicRelationsAtOnce()
    {
        await using var host = await StartAsync();

        await host.OpenAsync(Complaint("C-20261123-000013", "If this is not fixed my lawyer will take you to court."));

        Assert.Equal(EscalationLevel.Level2, host.Cases.Case(host.CaseNumber)!.Level);
        Assert.Equal([StaffRole.RiskControl, StaffRole.PublicRelations], host.Notified.Select(n => n.Role));
        Assert.All(host.Notified, n => Assert.Equal((T, "level2"), (n.DeliverAt, n.Subject)));
    }

    [Fact]
    public async Task RunAsync_ComplaintAboutStaff_TwoWorkingDayClockInsteadOfForwardAndFirstResponse()
    {
        await using var host = await StartAsync();
        var opened = Complaint("C-20261123-000014", "The engineer was rude to me.");
        opened = opened with { Complaint = opened.Complaint with { AboutStaff = "engineer 1024" } };

        var status = await host.OpenAsync(opened);

        var clock = Assert.Single(host.Timeline, e => e.Kind == TimelineKinds.ClockStarted);
        Assert.Equal(ClockKind.StaffComplaintAnswer, clock.Clock);
        var wednesday10 = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero); // 18 working hours from Monday 10:00
        Assert.Equal(wednesday10, clock.NewDeadline);
        Assert.Equal(wednesday10, status.NextDeadline);
        Assert.Equal("complaints-duty", host.Cases.Case(host.CaseNumber)!.Department);
    }

    [Fact]
    public async Task RunAsync_StaffComplaintBeforeNationalDay_WorkingDayClockSkipsHolidayAndWeekend_SupervisorClockCountsTheMakeUpSaturday()
    {
        // Wednesday 30 September 2026, 15:00: 1-7 October are holidays (with a weekend inside), Saturday 10 October is a make-up working day.
        await using var host = await StartAsync(China.At(2026, 9, 30, 15));
        var opened = Complaint("C-20260930-000001", "The engineer was rude to me.");
        opened = opened with { Complaint = opened.Complaint with { AboutStaff = "engineer 1024" } };

        // 18 working hours: 3 h on 30 September, 9 h on Thursday 8 October, 6 h on Friday 9 October.
        var status = await host.OpenAsync(opened);
        Assert.Equal(China.At(2026, 10, 9, 15), status.NextDeadline);
        Assert.Equal(China.At(2026, 10, 9, 10, 30), status.WakeAt); // 75 % = 13.5 working hours
        var warned = await host.AdvanceToAsync(China.At(2026, 10, 9, 10, 30));
        Assert.Equal((StaffRole.Assignee, "deadline-warning"), (host.Notified[^1].Role, host.Notified[^1].Subject));
        Assert.Equal(China.At(2026, 10, 9, 15), warned.WakeAt);
        var seen = host.Timeline.Count;

        await host.AdvanceToAsync(China.At(2026, 10, 9, 15));

        // Breached: the supervisor's clock is half the breached one (9 working hours): 3 h on Friday, 6 h on the make-up Saturday.
        var escalated = Assert.Single(host.TimelineSince(seen), e => e.Kind == TimelineKinds.Escalated);
        Assert.Equal((ClockKind.StaffComplaintAnswer, China.At(2026, 10, 9, 15), China.At(2026, 10, 10, 15)),
            (escalated.Clock, escalated.OldDeadline, escalated.NewDeadline));
        Assert.Equal((StaffRole.Supervisor, "escalation"), (host.Notified[^1].Role, host.Notified[^1].Subject));
    }

    [Fact]
    public async Task RunAsync_Withdrawn_EndsWithoutSurvey()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000015"));
        await host.RaiseAsync(LifecycleEvents.Forwarded, Agent, T.AddMinutes(10));

        await host.RaiseAsync(LifecycleEvents.Withdrawn, new CaseEventData(Actor: "customer", Reason: "sorted it out myself"), T.AddMinutes(30));

        var outcome = await host.OutcomeAsync();
        Assert.Equal(CaseStatus.Withdrawn, outcome.Status);
        Assert.DoesNotContain(host.SmsSent, m => m.Step == SmsSteps.Survey);
        Assert.Equal(TimelineKinds.Ended, host.Timeline[^1].Kind);
        Assert.Null(host.Cases.Latest(host.CaseNumber)!.NextDeadline);
    }

    [Fact]
    public async Task RunAsync_CompensationAboveAuthority_ApprovalClockAndCustomerToldOfTheWait()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000016"));
        await host.RaiseAsync(LifecycleEvents.Forwarded, Agent, T.AddMinutes(10));
        await host.RaiseAsync(LifecycleEvents.Responded, Agent, T.AddHours(1));

        var waiting = await host.RaiseAsync(LifecycleEvents.ApprovalRequested, Agent with { Compensation = 500m }, T.AddHours(2));

        Assert.Equal(CaseStatus.AwaitingApproval, waiting.Status);
        var clock = Assert.Single(host.Timeline, e => e.Kind == TimelineKinds.ClockStarted && e.Clock == ClockKind.Approval);
        Assert.Equal(T.AddHours(26), clock.NewDeadline);
        Assert.Equal(T.AddHours(20), waiting.WakeAt);
        Assert.Equal((StaffRole.Supervisor, "approval"), (host.Notified[^1].Role, host.Notified[^1].Subject));
        Assert.Equal(SmsSteps.Progress, host.SmsSent[^1].Step);
        Assert.Contains("2026-11-24 12:00", host.SmsSent[^1].Body, StringComparison.Ordinal);

        var approved = await host.RaiseAsync(LifecycleEvents.Approved, new CaseEventData(Actor: "supervisor-wang"), T.AddHours(3));

        Assert.Equal(CaseStatus.InProgress, approved.Status);
        Assert.Contains(host.Timeline, e => e.Kind == TimelineKinds.ClockMet && e.Clock == ClockKind.Approval);
        Assert.Equal(T.AddHours(25), approved.WakeAt); // back to the progress interval
    }

    [Fact]
    public async Task RunAsync_ForwardAndResponseRaisedTogether_BothApplied()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000017"));

        var status = await host.RaiseTogetherAsync(T.AddMinutes(5), CaseStatus.InProgress,
            (LifecycleEvents.Forwarded, Agent), (LifecycleEvents.Responded, Agent));

        Assert.Null(status.NextDeadline);
        Assert.Equal(
            [ClockKind.Forward, ClockKind.FirstResponse],
            host.Timeline.Where(e => e.Kind == TimelineKinds.ClockMet).Select(e => e.Clock!.Value));
        Assert.DoesNotContain(host.Timeline, e => e.Kind == TimelineKinds.Refused);
    }

    [Fact]
    public async Task RunAsync_EscalatedByHandTwice_SupervisorThenDepartmentHead()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000018"));

        await host.RaiseAsync(LifecycleEvents.Escalated, Agent with { Reason = "customer very upset" }, T.AddMinutes(5));
        await host.RaiseAsync(LifecycleEvents.Escalated, new CaseEventData(Actor: "supervisor-wang", Reason: "needs a decision"), T.AddMinutes(15));

        Assert.Equal([StaffRole.Supervisor, StaffRole.DepartmentHead], host.Notified.Select(n => n.Role));
        var escalations = host.Timeline.Where(e => e.Kind == TimelineKinds.Escalated).ToList();
        Assert.Equal([("agent-li", T.AddMinutes(5)), ("supervisor-wang", T.AddMinutes(15))], escalations.Select(e => (e.Actor, e.At)));
        Assert.Equal(T.AddHours(1), (await host.RaiseAsync(LifecycleEvents.Note, Agent, T.AddMinutes(20))).NextDeadline); // clocks keep running
    }

    [Fact]
    public async Task RunAsync_InquiryAnswered_SameWorkingDayClockThenClosedWithoutSurvey()
    {
        await using var host = await StartAsync();
        var inquiry = new CaseOpened("C-20261123-000019", "zh-CN", new TriageInput(CaseType.Inquiry, "请问营业厅几点开门？", Region: "CN"));

        var opened = await host.OpenAsync(inquiry);
        Assert.Equal(T.AddHours(8), opened.NextDeadline); // 18:00 in Beijing, the close of the working day
        Assert.Contains("2026-11-23 18:00", host.SmsSent[0].Body, StringComparison.Ordinal);

        await host.RaiseAsync(LifecycleEvents.Responded, Agent, T.AddHours(1));
        await host.RaiseAsync(LifecycleEvents.Resolved, Agent with { Remedy = "09:00-18:00" }, T.AddHours(1));

        var outcome = await host.OutcomeAsync();
        Assert.Equal(CaseStatus.Closed, outcome.Status);
        Assert.Equal([SmsSteps.Acknowledgement, SmsSteps.Resolution], host.SmsSent.Select(m => m.Step));
        Assert.Contains(host.Timeline, e => e.Kind == TimelineKinds.ClockMet && e.Clock == ClockKind.InquiryAnswer);
    }

    [Fact]
    public async Task RunAsync_SmsProviderDownAfterEveryRetry_RecordedAndTheCaseGoesOn()
    {
        await using var host = await StartAsync(settings: new Dictionary<string, string?> { ["Lifecycle:ActivityMaxAttempts"] = "2" });
        host.Sms.Broken[SmsSteps.Forwarded] = true;
        await host.OpenAsync(Complaint("C-20261123-000020"));
        host.Time.SetUtcNow(T.AddMinutes(10));
        await host.Client.RaiseEventAsync(host.CaseNumber, LifecycleEvents.Forwarded, Agent);

        // The second attempt waits on a durable timer; time moves on in small steps until it has run.
        var failed = await WaitForAsync(host, TimelineKinds.SmsFailed);

        Assert.Contains("unreachable", failed.Reason, StringComparison.Ordinal);
        var status = await host.StatusWhenAsync(s => s.Status == CaseStatus.Forwarded);
        Assert.Equal(T.AddHours(24), status.NextDeadline);
    }

    [Fact]
    public async Task RunAsync_Reassigned_NewDepartmentNotifiedAndOnTheCaseRow()
    {
        await using var host = await StartAsync();
        await host.OpenAsync(Complaint("C-20261123-000021"));

        var status = await host.RaiseAsync(LifecycleEvents.Reassigned, Agent with { Department = "logistics", Reason = "parcel lost" }, T.AddMinutes(5));

        Assert.Equal(CaseStatus.Open, status.Status);
        Assert.Equal(T.AddHours(1), status.NextDeadline); // same type and severity: the clocks stand
        var notice = Assert.Single(host.Notified);
        Assert.Equal((StaffRole.Assignee, "logistics", T.AddMinutes(5)), (notice.Role, notice.Department, notice.DeliverAt));
        Assert.Equal("logistics", host.Cases.Latest(host.CaseNumber)!.Department);
        Assert.DoesNotContain(host.Timeline, e => e.Kind == TimelineKinds.DeadlineRecomputed);
    }

    private static async Task<TimelineEntry> WaitForAsync(LifecycleHarness host, string kind)
    {
        for (var i = 0; i < 4000; i++)
        {
            if (host.Timeline.FirstOrDefault(e => e.Kind == kind) is { } entry)
            {
                return entry;
            }

            if (host.Timeline.Any(e => e.Kind == TimelineKinds.ClockMet))
            {
                host.Time.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"No {kind} entry on the timeline.");
    }

    private static void AssertEntries(IReadOnlyList<TimelineEntry> entries, params (string Kind, ClockKind? Clock)[] expected) =>
        Assert.Equal(expected, entries.Select(e => (e.Kind, e.Clock)));
}
