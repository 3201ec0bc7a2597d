using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Triage;
using Xunit;
using static Workflow.Complaints.Tests.Lifecycle.China;

namespace Workflow.Complaints.Tests.Lifecycle;

public class DeadlinePlannerTests
{
    private static readonly DeadlinePlanner Planner = ComplaintRules.Get<DeadlinePlanner>();

    // Monday 9 March 2026, 10:00 in Beijing.
    private static readonly DateTimeOffset Monday10 = At(2026, 3, 9, 10);

    [Theory]
    [InlineData(ClockKind.Forward, CaseType.Complaint, Severity.Normal, 1.0)]
    [InlineData(ClockKind.Forward, CaseType.ServiceRequest, Severity.Urgent, 0.5)]
    [InlineData(ClockKind.Forward, CaseType.Complaint, Severity.Critical, 0.5)]
    [InlineData(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, 24.0)]
    [InlineData(ClockKind.FirstResponse, CaseType.Complaint, Severity.Urgent, 12.0)]
    [InlineData(ClockKind.FirstResponse, CaseType.Complaint, Severity.Critical, 2.0)]
    [InlineData(ClockKind.Completion, CaseType.ServiceRequest, Severity.Normal, 48.0)]
    [InlineData(ClockKind.Completion, CaseType.ServiceRequest, Severity.Urgent, 24.0)]
    [InlineData(ClockKind.TellCustomer, CaseType.Complaint, Severity.Normal, 1.0)]
    [InlineData(ClockKind.SupervisorReview, CaseType.Complaint, Severity.Normal, 24.0)]
    [InlineData(ClockKind.Approval, CaseType.Complaint, Severity.Normal, 24.0)]
    public void Plan_WallClock_DueAndWarnAtSeventyFivePercent(ClockKind clock, CaseType type, Severity severity, double hours)
    {
        var deadline = Planner.Plan(clock, type, severity, "CN", Monday10);

        Assert.Equal(ClockBasis.WallClock, deadline.Basis);
        Assert.Equal(Monday10.AddHours(hours), deadline.DueAt);
        Assert.Equal(Monday10.AddHours(hours * 0.75), deadline.WarnAt);
        Assert.Equal(Monday10, deadline.StartedAt);
    }

    [Fact]
    public void Plan_StaffComplaint_TwoWorkingDaysAcrossWeekend()
    {
        var deadline = Planner.Plan(ClockKind.StaffComplaintAnswer, CaseType.Complaint, Severity.Normal, "CN", At(2026, 3, 6, 15));

        Assert.Equal(ClockBasis.WorkingTime, deadline.Basis);
        Assert.Equal(TimeSpan.FromHours(18), deadline.Length);
        Assert.Equal(At(2026, 3, 10, 15), deadline.DueAt);
        // 75% of 18 h = 13.5 h: 3 h Friday, 9 h Monday, 1.5 h Tuesday.
        Assert.Equal(At(2026, 3, 10, 10, 30), deadline.WarnAt);
    }

    [Fact]
    public void Plan_StaffComplaintUrgent_OneWorkingDay()
    {
        var deadline = Planner.Plan(ClockKind.StaffComplaintAnswer, CaseType.Complaint, Severity.Urgent, "CN", At(2026, 3, 6, 15));

        Assert.Equal(At(2026, 3, 9, 15), deadline.DueAt);
    }

    [Fact]
    public void Plan_StaffComplaint_AcrossHolidayAndMakeUpDay()
    {
        // Friday 25 September is a holiday (Mid-Autumn), as are 26-27; Wednesday 30 September then
        // 1-7 October off; Saturday 10 October is a make-up day.
        var deadline = Planner.Plan(ClockKind.StaffComplaintAnswer, CaseType.Complaint, Severity.Normal, "CN", At(2026, 10, 9, 15));

        // 3 h Friday 9 October, 9 h on make-up Saturday 10, 6 h Monday 12.
        Assert.Equal(At(2026, 10, 12, 15), deadline.DueAt);
    }

    [Fact]
    public void Plan_Inquiry_SameWorkingDay()
    {
        var deadline = Planner.Plan(ClockKind.InquiryAnswer, CaseType.Inquiry, Severity.Normal, "CN", Monday10);

        Assert.Equal(At(2026, 3, 9, 18), deadline.DueAt);
        Assert.Equal(At(2026, 3, 9, 16), deadline.WarnAt);
    }

    [Fact]
    public void Plan_InquiryOnSaturday_DueMondayClose()
    {
        var deadline = Planner.Plan(ClockKind.InquiryAnswer, CaseType.Inquiry, Severity.Normal, "CN", At(2026, 3, 7, 10));

        Assert.Equal(At(2026, 3, 9, 18), deadline.DueAt);
    }

    [Fact]
    public void Plan_WallClockPause_ExtendsByPause()
    {
        var pauses = new[] { new PauseInterval(At(2026, 3, 9, 12), At(2026, 3, 9, 15)) };

        var deadline = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10, pauses);

        Assert.Equal(At(2026, 3, 10, 13), deadline.DueAt);
    }

    [Fact]
    public void Resume_WorkingTimePause_RemovesOnlyWorkingTime()
    {
        var started = Planner.Plan(ClockKind.StaffComplaintAnswer, CaseType.Complaint, Severity.Normal, "CN", At(2026, 3, 6, 15));

        // Waiting from Friday 17:00 to Monday 10:00 holds 2 h of working time.
        var resumed = Planner.Resume(started, [new PauseInterval(At(2026, 3, 6, 17), At(2026, 3, 9, 10))]);

        Assert.Equal(At(2026, 3, 10, 17), resumed.DueAt);
        Assert.Equal(started.StartedAt, resumed.StartedAt);
    }

    [Fact]
    public void Resume_PauseOnlyOverWeekend_ChangesNothingInWorkingTime()
    {
        var started = Planner.Plan(ClockKind.StaffComplaintAnswer, CaseType.Complaint, Severity.Normal, "CN", At(2026, 3, 6, 15));

        var resumed = Planner.Resume(started, [new PauseInterval(At(2026, 3, 7, 9), At(2026, 3, 8, 20))]);

        Assert.Equal(started.DueAt, resumed.DueAt);
    }

    [Fact]
    public void Resume_PauseAfterDue_ChangesNothing()
    {
        var started = Planner.Plan(ClockKind.Forward, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        var resumed = Planner.Resume(started, [new PauseInterval(At(2026, 3, 9, 12), At(2026, 3, 9, 13))]);

        Assert.Equal(started.DueAt, resumed.DueAt);
    }

    [Fact]
    public void Resume_TwoOverlappingPauses_CountOnce()
    {
        var started = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        var resumed = Planner.Resume(started,
        [
            new PauseInterval(At(2026, 3, 9, 14), At(2026, 3, 9, 16)),
            new PauseInterval(At(2026, 3, 9, 11), At(2026, 3, 9, 15)),
        ]);

        // 11:00-16:00 merged: five hours.
        Assert.Equal(At(2026, 3, 10, 15), resumed.DueAt);
        Assert.Equal(At(2026, 3, 10, 9), resumed.WarnAt);
    }

    [Fact]
    public void Resume_OpenPauseUntilNow_DueMovesWithIt()
    {
        var started = Planner.Plan(ClockKind.Forward, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        // Paused at 10:30, the customer answers at 13:00: 30 min were left.
        var resumed = Planner.Resume(started, [new PauseInterval(At(2026, 3, 9, 10, 30), At(2026, 3, 9, 13))]);

        Assert.Equal(At(2026, 3, 9, 13, 30), resumed.DueAt);
    }

    [Fact]
    public void Recompute_RaisedToUrgent_KeepsElapsedAndHalves()
    {
        var normal = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        var urgent = Planner.Recompute(normal, CaseType.Complaint, Severity.Urgent);

        Assert.Equal(Monday10, urgent.StartedAt);
        Assert.Equal(At(2026, 3, 9, 22), urgent.DueAt);
        Assert.Equal(At(2026, 3, 9, 19), urgent.WarnAt);
        Assert.Equal(Severity.Urgent, urgent.Severity);
    }

    [Fact]
    public void Recompute_RaisedToCriticalLate_DueAlreadyPast()
    {
        var normal = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        var critical = Planner.Recompute(normal, CaseType.Complaint, Severity.Critical);

        // Raised at 14:00: the 2 h clock ran out at 12:00, so the orchestrator breaches it at once.
        Assert.Equal(At(2026, 3, 9, 12), critical.DueAt);
    }

    [Fact]
    public void Recompute_LoweredToNormal_RestoresFullLength()
    {
        var urgent = Planner.Plan(ClockKind.Completion, CaseType.ServiceRequest, Severity.Urgent, "CN", Monday10);

        var normal = Planner.Recompute(urgent, CaseType.ServiceRequest, Severity.Normal);

        Assert.Equal(Monday10.AddHours(48), normal.DueAt);
    }

    [Fact]
    public void Recompute_WithPauses_KeepsThem()
    {
        var pauses = new[] { new PauseInterval(At(2026, 3, 9, 12), At(2026, 3, 9, 14)) };
        var normal = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10, pauses);

        var urgent = Planner.Recompute(normal, CaseType.Complaint, Severity.Urgent, pauses);

        Assert.Equal(At(2026, 3, 10, 0), urgent.DueAt);
    }

    [Fact]
    public void PlanSupervisorClock_HalfOfBreachedClock_FromBreach()
    {
        var firstResponse = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        var supervisor = Planner.PlanSupervisorClock(firstResponse, firstResponse.DueAt);

        Assert.Equal(EscalationStage.Supervisor, supervisor.Stage);
        Assert.Equal(firstResponse.DueAt, supervisor.StartedAt);
        Assert.Equal(firstResponse.DueAt.AddHours(12), supervisor.DueAt);
        Assert.Equal(firstResponse.DueAt.AddHours(9), supervisor.WarnAt);
    }

    [Fact]
    public void Recompute_SupervisorClock_KeepsSupervisorFraction()
    {
        var firstResponse = Planner.Plan(ClockKind.FirstResponse, CaseType.Complaint, Severity.Normal, "CN", Monday10);
        var supervisor = Planner.PlanSupervisorClock(firstResponse, firstResponse.DueAt);

        var urgent = Planner.Recompute(supervisor, CaseType.Complaint, Severity.Urgent);

        Assert.Equal(firstResponse.DueAt.AddHours(6), urgent.DueAt);
    }

    [Fact]
    public void Plan_ConfiguredLength_IsUsed()
    {
        var planner = ComplaintRules.Get<DeadlinePlanner>(new Dictionary<string, string?>
        {
            ["ServiceLevels:Clocks:Forward:Length"] = "00:30:00",
            ["ServiceLevels:WarnAtFraction"] = "0.5",
        });

        var deadline = planner.Plan(ClockKind.Forward, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        Assert.Equal(Monday10.AddMinutes(30), deadline.DueAt);
        Assert.Equal(Monday10.AddMinutes(15), deadline.WarnAt);
    }

    [Fact]
    public void Plan_TypeOverride_AppliesToThatTypeOnly()
    {
        var planner = ComplaintRules.Get<DeadlinePlanner>(new Dictionary<string, string?>
        {
            ["ServiceLevels:Clocks:Forward:ByType:ServiceRequest:Length"] = "00:20:00",
            ["ServiceLevels:Clocks:Forward:ByType:ServiceRequest:Basis"] = "WallClock",
        });

        Assert.Equal(Monday10.AddMinutes(20), planner.Plan(ClockKind.Forward, CaseType.ServiceRequest, Severity.Normal, "CN", Monday10).DueAt);
        Assert.Equal(Monday10.AddMinutes(10), planner.Plan(ClockKind.Forward, CaseType.ServiceRequest, Severity.Urgent, "CN", Monday10).DueAt);
        Assert.Equal(Monday10.AddHours(1), planner.Plan(ClockKind.Forward, CaseType.Complaint, Severity.Normal, "CN", Monday10).DueAt);
    }

    [Fact]
    public void Recompute_TypeChange_TakesNewTypesLength()
    {
        var planner = ComplaintRules.Get<DeadlinePlanner>(new Dictionary<string, string?>
        {
            ["ServiceLevels:Clocks:Forward:ByType:ServiceRequest:Length"] = "00:20:00",
            ["ServiceLevels:Clocks:Forward:ByType:ServiceRequest:Basis"] = "WallClock",
        });
        var asComplaint = planner.Plan(ClockKind.Forward, CaseType.Complaint, Severity.Normal, "CN", Monday10);

        var asRequest = planner.Recompute(asComplaint, CaseType.ServiceRequest, Severity.Normal);

        Assert.Equal(Monday10.AddMinutes(20), asRequest.DueAt);
        Assert.Equal(CaseType.ServiceRequest, asRequest.Type);
    }

    [Theory]
    [InlineData(CaseType.Complaint, false, new[] { ClockKind.Forward, ClockKind.FirstResponse })]
    [InlineData(CaseType.Complaint, true, new[] { ClockKind.StaffComplaintAnswer })]
    [InlineData(CaseType.ServiceRequest, false, new[] { ClockKind.Forward, ClockKind.Completion })]
    [InlineData(CaseType.Inquiry, false, new[] { ClockKind.InquiryAnswer })]
    [InlineData(CaseType.Suggestion, false, new ClockKind[0])]
    public void OpeningClocks_PerType(CaseType type, bool aboutStaff, ClockKind[] expected)
    {
        Assert.Equal(expected, DeadlinePlanner.OpeningClocks(type, aboutStaff));
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(200.01, true)]
    public void NeedsApproval_AboveAgentAuthority(double amount, bool expected)
    {
        Assert.Equal(expected, Planner.NeedsApproval((decimal)amount));
    }
}
