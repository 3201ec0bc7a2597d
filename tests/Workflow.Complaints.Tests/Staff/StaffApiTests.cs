using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Staff;
using Workflow.Complaints.Tests.Intake;
using Xunit;
using static Workflow.Complaints.Tests.Staff.StaffApiHost;

namespace Workflow.Complaints.Tests.Staff;

/// <summary>End to end through HTTP: intake, the staff actions and the case page, on the whole host with fake time.</summary>
[Collection(IntakeStorageGroup.Name)]
public sealed class StaffApiTests(IntakeStorageFixture storage)
{
    private const string FullPhone = "13812345678";
    private static readonly DateTimeOffset T = Opening;

    [Fact]
    public async Task Complaint_FromPostToClose_EveryClockAndTimelineEntry()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));

        var opened = await host.CaseAsync(number);
        Assert.Equal(("open", "normal", 0), (opened.Status, opened.Severity, opened.Level));
        Assert.Equal("*******5678", opened.MaskedPhone);
        AssertClocks(opened, ("forward", T.AddHours(1)), ("first-response", T.AddHours(24)));
        Assert.Equal((T.AddHours(1), "forward"), (opened.NextDeadline, opened.NextClock));
        AssertKinds(opened, "received", "recorded", "triaged", "clock-started", "clock-started", "sms-sent");
        Assert.Equal([("forward", T.AddHours(1)), ("first-response", T.AddHours(24))],
            opened.Timeline.Where(e => e.Kind == "clock-started").Select(e => (e.Clock!, e.NewDeadline!.Value)));
        Assert.Contains("forward", opened.AllowedActions);
        Assert.DoesNotContain("approve", opened.AllowedActions);

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "forward", new { department = "billing" }, T.AddMinutes(20), "agent")).StatusCode);
        var forwarded = await host.CaseAsync(number);
        Assert.Equal(("forwarded", "billing"), (forwarded.Status, forwarded.Department));
        AssertClocks(forwarded, ("first-response", T.AddHours(24)));
        AssertKinds(forwarded.Timeline.Skip(opened.Timeline.Count), "action", "clock-met", "sms-sent");
        var forward = forwarded.Timeline[opened.Timeline.Count];
        Assert.Equal(("agent", T.AddMinutes(20)), (forward.Actor, forward.Time));
        Assert.Contains("billing", host.Sms.For(number)[^1].Body, StringComparison.Ordinal);

        var respond = new { template = "apologise-clarify-solve", values = new { remedy = "a replacement parcel" } };
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "respond", respond, T.AddHours(2), "agent")).StatusCode);
        var responded = await host.CaseAsync(number);
        Assert.Equal(("in-progress", T.AddHours(2)), (responded.Status, responded.FirstResponseAt));
        Assert.Empty(responded.Clocks);
        Assert.Null(responded.NextDeadline);
        AssertKinds(responded.Timeline.Skip(forwarded.Timeline.Count), "action", "clock-met");
        Assert.Contains("a replacement parcel", responded.Timeline[forwarded.Timeline.Count].Reason, StringComparison.Ordinal);

        var resolve = new { responsibility = "company", remedy = "replacement sent, arrives in 2 days" };
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "resolve", resolve, T.AddHours(5), "agent")).StatusCode);
        var resolved = await host.CaseAsync(number);
        Assert.Equal(("resolved", T.AddHours(5)), (resolved.Status, resolved.ResolvedAt));
        AssertKinds(resolved.Timeline.Skip(responded.Timeline.Count), "action", "sms-sent", "sms-sent");
        Assert.Equal([SmsSteps.Acknowledgement, SmsSteps.Forwarded, SmsSteps.Resolution, SmsSteps.Survey], host.Sms.For(number).Select(m => m.Step));

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "close", new { reason = "customer confirmed by phone" }, T.AddHours(6), "agent")).StatusCode);
        var closed = await host.CaseAsync(number);
        Assert.Equal(("closed", T.AddHours(6)), (closed.Status, closed.ClosedAt));
        AssertKinds(closed.Timeline.Skip(resolved.Timeline.Count), "action", "ended");
        Assert.Empty(closed.Clocks);
        Assert.Equal(["note"], closed.AllowedActions);
        Assert.DoesNotContain(closed.Timeline, e => e.Kind is "deadline-warning" or "deadline-breached" or "refused");

        // The number is in no workflow history: not in the orchestration's input, not in any activity's input or output.
        var history = await host.Durable.GetHistoryAsync(number, TestContext.Current.CancellationToken);
        Assert.NotEmpty(history);
        var serialized = JsonSerializer.Serialize(history.Cast<object>().ToList(), Json);
        Assert.Contains("replacement sent, arrives in 2 days", serialized, StringComparison.Ordinal); // inputs are in it
        Assert.DoesNotContain(FullPhone, serialized, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Contains("resolve by agent accepted in state in-progress", StringComparison.Ordinal));
        AssertNoFullPhone(host);
    }

    [Fact]
    public async Task ServiceRequest_FromPostToClose_CompletionClockStopsOnResolve()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("service-request", "Please change the delivery address of my order to the office."));

        var opened = await host.CaseAsync(number);
        AssertClocks(opened, ("forward", T.AddHours(1)), ("completion", T.AddHours(48)));

        await host.ActAsync(number, "forward", new { department = "logistics" }, T.AddMinutes(30), "agent");
        await host.ActAsync(number, "respond", new { text = "We are changing the address of case {caseNumber}." }, T.AddHours(1), "agent");
        var responded = await host.CaseAsync(number);
        Assert.Equal("in-progress", responded.Status);
        AssertClocks(responded, ("completion", T.AddHours(48)));
        Assert.Contains(number, responded.Timeline.Last(e => e.Kind == "action").Reason, StringComparison.Ordinal);

        await host.ActAsync(number, "resolve", new { responsibility = "undetermined", remedy = "address changed" }, T.AddHours(3), "agent");
        var resolved = await host.CaseAsync(number);
        Assert.Empty(resolved.Clocks);
        Assert.Contains(resolved.Timeline, e => e.Kind == "clock-met" && e.Clock == "completion");
        await host.ActAsync(number, "close", null, T.AddHours(4), "agent");
        Assert.Equal("closed", (await host.CaseAsync(number)).Status);
        AssertNoFullPhone(host);
    }

    [Fact]
    public async Task Inquiry_AnsweredAndResolved_ClosesWithoutASurvey()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("inquiry", "When does the shop on Nanjing Road open on Sundays?"));

        var opened = await host.CaseAsync(number);
        AssertClocks(opened, ("inquiry-answer", T.AddHours(8))); // 18:00 Beijing the same working day

        await host.ActAsync(number, "resolve", new { responsibility = "undetermined", remedy = "it opens at 10:00" }, T.AddHours(1), "agent");
        var closed = await host.CaseAsync(number);
        Assert.Equal("closed", closed.Status);
        Assert.Contains(closed.Timeline, e => e.Kind == "clock-met" && e.Clock == "inquiry-answer");
        Assert.Equal([SmsSteps.Acknowledgement, SmsSteps.Resolution], host.Sms.For(number).Select(m => m.Step));
    }

    [Fact]
    public async Task Suggestion_NoClock_AcknowledgedWithoutADeadlineAndClosed()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("suggestion", "Please add a dark mode to the app, it is hard to read at night."));

        var opened = await host.CaseAsync(number);
        Assert.Empty(opened.Clocks);
        Assert.Null(opened.NextDeadline);
        var acknowledgement = Assert.Single(host.Sms.For(number));
        Assert.Equal(SmsSteps.SuggestionAcknowledgement, acknowledgement.Step);
        Assert.DoesNotContain("by .", acknowledgement.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("{", acknowledgement.Body, StringComparison.Ordinal);

        await host.ActAsync(number, "close", new { reason = "collected for the weekly digest" }, T.AddHours(1), "agent");
        var closed = await host.CaseAsync(number);
        Assert.Equal("closed", closed.Status);
        AssertKinds(closed.Timeline, "received", "recorded", "triaged", "sms-sent", "action", "ended");
    }

    [Fact]
    public async Task StaffComplaint_TwoWorkingDayClock_StoppedByTheResponse()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint", "The cashier at the counter was rude to me.", aboutStaff: "counter 3"));

        var opened = await host.CaseAsync(number);
        Assert.Equal("counter 3", opened.AboutStaff);
        AssertClocks(opened, ("staff-complaint-answer", T.AddDays(2))); // Wednesday 10:00 Beijing

        await host.ActAsync(number, "respond", new { template = "apologise-clarify-solve", values = new { remedy = "a talk with the team lead" } }, T.AddDays(1), "agent");
        var responded = await host.CaseAsync(number);
        Assert.Empty(responded.Clocks);
        Assert.Contains(responded.Timeline, e => e.Kind == "clock-met" && e.Clock == "staff-complaint-answer");
        await host.ActAsync(number, "resolve", new { responsibility = "company", remedy = "apology and coaching" }, T.AddDays(1).AddHours(1), "agent");
        await host.ActAsync(number, "close", null, T.AddDays(1).AddHours(2), "supervisor");
        Assert.Equal("closed", (await host.CaseAsync(number)).Status);
    }

    [Fact]
    public async Task QueueIntake_SameLifeAsHttp_FromMessageToClose()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        _ = host.Services; // start the host
        var queue = new Azure.Storage.Queues.QueueClient(storage.ConnectionString, host.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await queue.SendMessageAsync(Submission("complaint"), TestContext.Current.CancellationToken);

        Assert.Equal(1, await host.Listener.PollOnceAsync(TestContext.Current.CancellationToken));
        using var staff = host.As("agent");
        var page = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/cases?open=true", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var number = page["items"]![0]!["caseNumber"]!.GetValue<string>();
        await host.SettledAsync(number);

        AssertClocks(await host.CaseAsync(number), ("forward", T.AddHours(1)), ("first-response", T.AddHours(24)));
        await host.ActAsync(number, "forward", new { department = "billing" }, T.AddMinutes(10), "agent");
        await host.ActAsync(number, "respond", new { text = "We are on it." }, T.AddMinutes(40), "agent");
        await host.ActAsync(number, "resolve", new { responsibility = "third-party", remedy = "carrier refunds the fee" }, T.AddHours(2), "agent");
        await host.ActAsync(number, "close", null, T.AddHours(3), "agent");
        var closed = await host.CaseAsync(number);
        Assert.Equal("closed", closed.Status);
        Assert.Equal(["received", "recorded", "triaged", "clock-started", "clock-started", "sms-sent", "action", "clock-met", "sms-sent",
            "action", "clock-met", "action", "sms-sent", "sms-sent", "action", "ended"], closed.Timeline.Select(e => e.Kind));
        AssertNoFullPhone(host);
    }

    [Fact]
    public async Task Breaches_NoForwardInAnHour_SupervisorThenDepartmentHead_NoResponseInADay_Supervisor()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));

        await host.AdvanceToAsync(number, T.AddMinutes(45));
        var warned = await host.CaseAsync(number);
        var warning = Assert.Single(warned.Timeline, e => e.Kind == "deadline-warning");
        Assert.Equal(("forward", T.AddHours(1), T.AddMinutes(45)), (warning.Clock, warning.NewDeadline, warning.Time));

        await host.AdvanceToAsync(number, T.AddHours(1));
        var breached = await host.CaseAsync(number);
        var escalated = Assert.Single(breached.Timeline, e => e.Kind == "escalated");
        Assert.Equal(("forward", T.AddHours(1), T.AddHours(1.5)), (escalated.Clock, escalated.OldDeadline, escalated.NewDeadline));
        Assert.Contains("supervisor", escalated.Reason, StringComparison.Ordinal);
        var supervisorClock = Assert.Single(breached.Clocks, c => c.Clock == ClockKind.Forward);
        Assert.Equal((EscalationStage.Supervisor, T.AddHours(1.5)), (supervisorClock.Stage, supervisorClock.DueAt));
        Assert.Equal(SmsSteps.DelayApology, host.Sms.For(number)[^1].Step);

        // The supervisor's clock warns at 75 % and then runs out too: the department head.
        await host.AdvanceToAsync(number, T.AddHours(1) + TimeSpan.FromMinutes(22.5));
        await host.AdvanceToAsync(number, T.AddHours(1.5));
        var second = await host.CaseAsync(number);
        var head = second.Timeline.Where(e => e.Kind == "escalated").ToList();
        Assert.Equal(2, head.Count);
        Assert.Contains("department head", head[1].Reason, StringComparison.Ordinal);
        Assert.Equal(T.AddHours(1.5), head[1].OldDeadline);
        AssertClocks(second, ("first-response", T.AddHours(24)));

        await host.ActAsync(number, "forward", new { department = "billing" }, T.AddHours(2), "agent");
        await host.AdvanceToAsync(number, T.AddHours(18));
        await host.AdvanceToAsync(number, T.AddHours(24));
        var late = await host.CaseAsync(number);
        var response = late.Timeline.Last(e => e.Kind == "escalated");
        Assert.Equal(("first-response", T.AddHours(24), T.AddHours(36)), (response.Clock, response.OldDeadline, response.NewDeadline));
        AssertClocks(late, ("first-response", T.AddHours(36)));
    }

    [Fact]
    public async Task RequestInfo_PausesTheClocks_CustomerInfoReceived_ResumesThemLater()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));
        await host.ActAsync(number, "forward", new { department = "billing" }, T.AddMinutes(10), "agent");

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "request-info", new { reason = "photo of the damaged parcel" }, T.AddMinutes(30), "agent")).StatusCode);
        var paused = await host.CaseAsync(number);
        Assert.Equal(("awaiting-customer", true), (paused.Status, paused.ClocksPaused));
        Assert.Null(paused.NextDeadline);
        Assert.Equal(SmsSteps.InformationRequest, host.Sms.For(number)[^1].Step);
        Assert.EndsWith("Please reply to this SMS or call us. Reply STOP to opt out.", host.Sms.For(number)[^1].Body, StringComparison.Ordinal);

        await host.ActAsync(number, "customer-info-received", new { reason = "photo received by e-mail" }, T.AddHours(3).AddMinutes(30), "agent");
        var resumed = await host.CaseAsync(number);
        Assert.Equal(("in-progress", false), (resumed.Status, resumed.ClocksPaused));
        var recomputed = Assert.Single(resumed.Timeline, e => e.Kind == "deadline-recomputed");
        Assert.Equal(("first-response", T.AddHours(24), T.AddHours(27)), (recomputed.Clock, recomputed.OldDeadline, recomputed.NewDeadline));
        AssertClocks(resumed, ("first-response", T.AddHours(27)));
        Assert.Equal(T.AddHours(27), resumed.NextDeadline);
    }

    [Fact]
    public async Task ChangeSeverity_Urgent_HalvesTheRunningClocksWithOldAndNewDeadlines()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "change-severity", new { severity = "urgent", reason = "customer has a flight tomorrow" }, T.AddMinutes(10), "agent")).StatusCode);
        var raised = await host.CaseAsync(number);
        Assert.Equal("urgent", raised.Severity);
        AssertClocks(raised, ("forward", T.AddMinutes(30)), ("first-response", T.AddHours(12)));
        var entries = raised.Timeline.Where(e => e.Kind == "deadline-recomputed").Select(e => (e.Clock, e.OldDeadline, e.NewDeadline)).ToList();
        Assert.Equal([("forward", T.AddHours(1), T.AddMinutes(30)), ("first-response", T.AddHours(24), T.AddHours(12))], entries);
        using var staff = host.As("ops");
        var list = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/cases?severity=urgent", UriKind.Relative), TestContext.Current.CancellationToken))!;
        Assert.Equal(number, list["items"]![0]!["caseNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Compensation_RequestedByAgent_ApprovedOnlyByASupervisor_ThenFinalDecisionCloses()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));
        await host.ActAsync(number, "forward", new { department = "billing" }, T.AddMinutes(10), "agent");

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "request-approval", new { compensation = 300, currency = "CNY" }, T.AddMinutes(30), "agent")).StatusCode);
        var waiting = await host.CaseAsync(number);
        Assert.Equal("awaiting-approval", waiting.Status);
        AssertClocks(waiting, ("first-response", T.AddHours(24)), ("approval", T.AddMinutes(30).AddHours(24)));
        Assert.Contains(waiting.Timeline, e => e.Kind == "action" && e.Reason == "request-approval: compensation 300 CNY");

        using var byAgent = await host.ActAsync(number, "approve", null, T.AddHours(1), "agent");
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "approve", new { reason = "within policy" }, T.AddHours(1), "supervisor")).StatusCode);
        var approved = await host.CaseAsync(number);
        Assert.Equal("in-progress", approved.Status);
        Assert.Contains(approved.Timeline, e => e.Kind == "clock-met" && e.Clock == "approval");
        AssertClocks(approved, ("first-response", T.AddHours(24)));

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "final-decision", new { decision = "300 CNY refunded; no further compensation" }, T.AddHours(2), "head")).StatusCode);
        var closed = await host.CaseAsync(number);
        Assert.Equal("closed", closed.Status);
        Assert.Equal(SmsSteps.FinalDecision, host.Sms.For(number)[^1].Step);
        Assert.Contains("300 CNY refunded", host.Sms.For(number)[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_InvalidForTheState_409NamingIt_AndOnUnknownCase404()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));

        using var approve = await host.ActAsync(number, "approve", null, T.AddMinutes(5), "supervisor");
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        var problem = (await approve.Content.ReadFromJsonAsync<ProblemDetails>(Json, TestContext.Current.CancellationToken))!;
        Assert.Contains("'open'", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("open", ((JsonElement)problem.Extensions["caseStatus"]!).GetString());
        Assert.Equal("application/problem+json", approve.Content.Headers.ContentType?.MediaType);

        await host.ActAsync(number, "withdraw", new { reason = "customer called to withdraw" }, T.AddMinutes(10), "agent");
        using var forward = await host.ActAsync(number, "forward", new { department = "billing" }, T.AddMinutes(15), "agent");
        Assert.Equal(HttpStatusCode.Conflict, forward.StatusCode);
        Assert.Contains("'withdrawn'", (await forward.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);

        // A note is still taken on a finished case, straight onto its timeline.
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "note", new { text = "customer thanked us" }, T.AddMinutes(20), "agent")).StatusCode);
        var withdrawn = await host.CaseAsync(number);
        Assert.Equal("withdrawn", withdrawn.Status);
        Assert.Equal(("action", "agent", "note: customer thanked us"), (withdrawn.Timeline[^1].Kind, withdrawn.Timeline[^1].Actor, withdrawn.Timeline[^1].Reason));

        using var unknown = await host.ActAsync("C-20261123-999999", "forward", new { department = "billing" }, T.AddMinutes(25), "agent");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var noAction = await host.ActAsync(number, "teleport", null, T.AddMinutes(25), "agent");
        Assert.Equal(HttpStatusCode.NotFound, noAction.StatusCode);
    }

    [Fact]
    public async Task Actions_BadBodies_FieldLevelProblems()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint"));

        await AssertFieldErrorAsync(host, number, "forward", new { }, "department");
        await AssertFieldErrorAsync(host, number, "forward", new { department = "Billing Dept!" }, "department");
        await AssertFieldErrorAsync(host, number, "respond", new { }, "template");
        await AssertFieldErrorAsync(host, number, "respond", new { template = "no-such-situation" }, "template");
        await AssertFieldErrorAsync(host, number, "respond", new { template = "resolution" }, "values.remedy");
        await AssertFieldErrorAsync(host, number, "resolve", new { remedy = "refund" }, "responsibility");
        await AssertFieldErrorAsync(host, number, "resolve", new { responsibility = "company" }, "remedy");
        await AssertFieldErrorAsync(host, number, "change-severity", new { severity = "extreme" }, "severity");
        await AssertFieldErrorAsync(host, number, "request-approval", new { reason = "goodwill" }, "compensation");
        await AssertFieldErrorAsync(host, number, "request-approval", new { compensation = -5 }, "compensation");
        await AssertFieldErrorAsync(host, number, "escalate", new { }, "reason");
        await AssertFieldErrorAsync(host, number, "note", new { text = "x", severity = "urgent" }, "severity");
        await AssertFieldErrorAsync(host, number, "note", new { text = "x", colour = "red" }, "colour");
        Assert.Equal("open", (await host.CaseAsync(number)).Status);
    }

    [Fact]
    public async Task Level2Case_CustomerFacingWording_OnlyFromARiskPrReviewer()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var number = await host.OpenAsync(Submission("complaint", "My lawyer will take this to court unless the broken TV is replaced."));
        var opened = await host.CaseAsync(number);
        Assert.Equal(2, opened.Level);

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "forward", new { department = "after-sales" }, T.AddMinutes(10), "agent")).StatusCode);
        using var byAgent = await host.ActAsync(number, "respond", new { text = "We will replace the TV." }, T.AddMinutes(20), "agent");
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Contains("level-2", await byAgent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        using var resolveByAgent = await host.ActAsync(number, "resolve", new { responsibility = "company", remedy = "new TV" }, T.AddMinutes(20), "agent");
        Assert.Equal(HttpStatusCode.Forbidden, resolveByAgent.StatusCode);
        Assert.Equal("forwarded", (await host.CaseAsync(number)).Status);

        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "respond", new { text = "We will replace the TV." }, T.AddMinutes(30), "risk")).StatusCode);
        var responded = await host.CaseAsync(number);
        Assert.Equal(("in-progress", "risk"), (responded.Status, responded.Timeline.Last(e => e.Kind == "action").Actor));
        using var level2 = host.As("agent");
        var list = JsonNode.Parse(await level2.GetStringAsync(new Uri("/api/cases?open=true&level=2", UriKind.Relative), TestContext.Current.CancellationToken))!;
        Assert.Equal(number, Assert.Single(list["items"]!.AsArray())!["caseNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task CaseList_FiltersAndPages_CustomerRecord_AuditedAndOnlyWithAReason()
    {
        await using var host = new StaffApiHost(storage.ConnectionString);
        var first = await host.OpenAsync(Submission("complaint"));
        var second = await host.OpenAsync(Submission("inquiry", "When does the shop on Nanjing Road open on Sundays?"));
        var third = await host.OpenAsync(Submission("suggestion", "Please add a dark mode to the app, it is hard to read at night."));
        using var staff = host.As("agent");
        var ct = TestContext.Current.CancellationToken;

        var page1 = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/cases?pageSize=2", UriKind.Relative), ct))!;
        Assert.Equal([first, second], page1["items"]!.AsArray().Select(i => i!["caseNumber"]!.GetValue<string>()));
        var token = page1["continuationToken"]!.GetValue<string>();
        var page2 = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/cases?pageSize=2&continuationToken=" + Uri.EscapeDataString(token), UriKind.Relative), ct))!;
        Assert.Equal([third], page2["items"]!.AsArray().Select(i => i!["caseNumber"]!.GetValue<string>()));
        var inquiries = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/cases?type=inquiry&from=2026-11-23&to=2026-11-23", UriKind.Relative), ct))!;
        Assert.Equal([second], inquiries["items"]!.AsArray().Select(i => i!["caseNumber"]!.GetValue<string>()));
        using var bad = await staff.GetAsync(new Uri("/api/cases?status=sleeping&level=7&from=yesterday", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonNode.Parse(await bad.Content.ReadAsStringAsync(ct))!["errors"]!.AsObject();
        Assert.Equal(["from", "level", "status"], errors.Select(e => e.Key).Order());

        using var noReason = await staff.GetAsync(new Uri($"/api/cases/{first}/customer", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var record = JsonNode.Parse(await staff.GetStringAsync(new Uri($"/api/cases/{first}/customer?reason=calling%20back", UriKind.Relative), ct))!;
        Assert.Equal("+86" + FullPhone, record["phoneE164"]!.GetValue<string>());
        var audit = Assert.Single(await host.Services.GetRequiredService<Workflow.Complaints.Cases.AuditLog>().ListAsync(first, ct));
        Assert.Equal(("agent", "calling back"), (audit.StaffUser, audit.Reason));
        using var asOps = host.As("ops");
        Assert.Equal(HttpStatusCode.Forbidden, (await asOps.GetAsync(new Uri($"/api/cases/{first}/customer?reason=curious", UriKind.Relative), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asOps.GetAsync(new Uri($"/api/cases/{first}", UriKind.Relative), ct)).StatusCode);

        // Only the audited read shows the number; nothing else does.
        var listing = await staff.GetStringAsync(new Uri("/api/cases", UriKind.Relative), ct);
        Assert.DoesNotContain(FullPhone, listing, StringComparison.Ordinal);
        await host.CaseAsync(first);
        AssertNoFullPhone(host);
    }

    private static async Task AssertFieldErrorAsync(StaffApiHost host, string number, string action, object body, string field)
    {
        using var response = await host.ActAsync(number, action, body, host.Time.GetUtcNow(), "dev");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action} {JsonSerializer.Serialize(body)} answered {response.StatusCode}");
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{action}: no error for {field} in {errors.ToJsonString()}");
    }

    private static string Submission(string type, string description = "The parcel arrived broken and nobody answers the hotline.", string? aboutStaff = null)
    {
        var o = BadSubmissions.Valid();
        o["type"] = type;
        o["description"] = description;
        o["language"] = "en";
        if (aboutStaff is not null)
        {
            o["aboutStaff"] = aboutStaff;
        }

        return o.ToJsonString();
    }

    private static void AssertClocks(CaseView view, params (string Clock, DateTimeOffset DueAt)[] expected) =>
        Assert.Equal(expected, view.Clocks.Select(c => (WireName(c.Clock), c.DueAt)));

    private static void AssertKinds(CaseView view, params string[] kinds) => AssertKinds(view.Timeline, kinds);

    private static void AssertKinds(IEnumerable<Workflow.Complaints.Cases.TimelineEntry> entries, params string[] kinds) =>
        Assert.Equal(kinds, entries.Select(e => e.Kind));

    private static string WireName(ClockKind clock) => JsonSerializer.Serialize(clock).Trim('"');

    private static void AssertNoFullPhone(StaffApiHost host)
    {
        Assert.DoesNotContain(host.Responses, r => r.Contains(FullPhone, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(FullPhone, StringComparison.Ordinal));
    }
}
