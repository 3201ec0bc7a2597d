using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Staff;
using Workflow.Complaints.Tests.Intake;
using Workflow.Complaints.Tests.Sms;
using Workflow.Complaints.Tests.Staff;
using Xunit;
using static Workflow.Complaints.Tests.Staff.StaffApiHost;

namespace Workflow.Complaints.Tests.Survey;

/// <summary>
/// The satisfaction survey end to end on the whole host with fake time and the default outbox sender: a case is
/// resolved through the staff API, the customer's reply arrives as an Event Grid delivery on the webhook, and the
/// score shows on the case page and in the case list.
/// </summary>
[Collection(IntakeStorageGroup.Name)]
public sealed class SurveyPathTests(IntakeStorageFixture storage)
{
    // The development secret from appsettings.Development.json (the hosts run as Development).
    private const string Secret = "dev-only-sms-webhook-secret";
    private static readonly DateTimeOffset T = Opening;
    private static readonly DateTimeOffset ResolvedAt = T.AddMinutes(10); // before any clock warns

    [Fact]
    public async Task Reply_ScoreLandsOnTheCaseAndTheList_CaseCloses()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000001");
        Assert.Equal([SmsSteps.Acknowledgement, SmsSteps.Resolution, SmsSteps.Survey], await StepsSentAsync(host, number));

        await ReplyAsync(host, number, "8613900000001", "5分，谢谢", ResolvedAt.AddHours(2));

        var closed = await host.CaseAsync(number);
        Assert.Equal(("closed", 5), (closed.Status, closed.SatisfactionScore));
        var answered = Assert.Single(closed.Timeline, e => e.Kind == TimelineKinds.SurveyAnswered);
        Assert.Equal(("customer", "score 5", ResolvedAt.AddHours(2)), (answered.Actor, answered.Reason, answered.Time));
        Assert.Contains(closed.Timeline, e => e.Kind == TimelineKinds.Action && e.Reason == "close: survey answered");
        var listed = Assert.Single(await ListAsync(host, "closed"), c => c.CaseNumber == number);
        Assert.Equal(5, listed.SatisfactionScore);
        Assert.Equal([SmsSteps.Acknowledgement, SmsSteps.Resolution, SmsSteps.Survey], await StepsSentAsync(host, number));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("13900000001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminder_ThenReply_OneReminderAndTheScore()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000002");

        var reminded = await host.AdvanceToAsync(number, ResolvedAt.AddHours(24));
        Assert.Equal((CaseStatus.Resolved, true), (reminded.Status, reminded.AwaitingSurvey));
        Assert.Equal([SmsSteps.Acknowledgement, SmsSteps.Resolution, SmsSteps.Survey, SmsSteps.SurveyReminder], await StepsSentAsync(host, number));

        await ReplyAsync(host, number, "+86 139 0000 0002", "Very satisfied, thank you", ResolvedAt.AddHours(30));

        var closed = await host.CaseAsync(number);
        Assert.Equal(("closed", 5), (closed.Status, closed.SatisfactionScore));
        Assert.DoesNotContain(closed.Timeline, e => e.Kind == TimelineKinds.SurveyUnanswered);
    }

    [Fact]
    public async Task Reply_CaseOpenedBeforeTheLookBack_NotMatched()
    {
        var settings = new Dictionary<string, string?> { ["Sms:Inbound:SurveyLookBack"] = "1.00:00:00" };
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true, settings: settings);
        var number = await ResolvedCaseAsync(host, "13900000011");
        await host.AdvanceToAsync(number, ResolvedAt.AddHours(24));

        // Opened more than a day before the reply: outside the look-back, so the reply finds no case.
        host.Time.SetUtcNow(ResolvedAt.AddHours(30));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000011", "5"));

        var status = await host.GetStatusAsync(number);
        Assert.Equal((CaseStatus.Resolved, true), (status!.Status, status.AwaitingSurvey));
        Assert.Null((await host.CaseAsync(number)).SatisfactionScore);
        Assert.Single(await OutboxAsync(host), m => m.Step.StartsWith(SmsSteps.Help + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoReply_ClosedUnansweredAfter72Hours_ALateReplyGetsTheHelpSms()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000003");

        await host.AdvanceToAsync(number, ResolvedAt.AddHours(24));
        await host.AdvanceToAsync(number, ResolvedAt.AddHours(72));
        var closed = await host.CaseAsync(number);
        Assert.Equal("closed", closed.Status);
        Assert.Null(closed.SatisfactionScore);
        Assert.Contains(closed.Timeline, e => e.Kind == TimelineKinds.SurveyUnanswered && e.Time == ResolvedAt.AddHours(72));

        // The survey closed: the reply matches no case and is answered with the help SMS, once that day.
        host.Time.SetUtcNow(ResolvedAt.AddHours(73));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000003", "5"));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000003", "five stars"));
        var after = await host.CaseAsync(number);
        Assert.Equal(("closed", null, closed.Timeline.Count), (after.Status, after.SatisfactionScore, after.Timeline.Count));
        var help = Assert.Single(await OutboxAsync(host), m => m.Step.StartsWith(SmsSteps.Help + "/", StringComparison.Ordinal));
        Assert.Equal(("", "*********0003"), (help.CaseNumber, help.To));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Reply from *********0003: none of its 1 cases", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("13900000003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_WithoutAScore_HelpSmsOnceAndTheSurveyStaysOpen()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000008");

        host.Time.SetUtcNow(ResolvedAt.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000008", "ok thanks, who is this?"));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000008", "hello?"));

        var status = await host.GetStatusAsync(number);
        Assert.Equal((CaseStatus.Resolved, true), (status!.Status, status.AwaitingSurvey));
        Assert.Single(await OutboxAsync(host), m => m.Step.StartsWith(SmsSteps.Help + "/", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains($"Reply from *********0008 for case {number} holds no score", StringComparison.Ordinal));

        await ReplyAsync(host, number, "8613900000008", "3 stars", ResolvedAt.AddHours(2));
        var closed = await host.CaseAsync(number);
        Assert.Equal(("closed", 3), (closed.Status, closed.SatisfactionScore));
    }

    [Fact]
    public async Task Reply_FromANumberWithoutCases_HelpSmsAndNoCaseTouched()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000009");

        host.Time.SetUtcNow(ResolvedAt.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000010", "5"));

        var status = await host.GetStatusAsync(number);
        Assert.Equal((CaseStatus.Resolved, true), (status!.Status, status.AwaitingSurvey));
        var help = Assert.Single(await OutboxAsync(host), m => m.Step.StartsWith(SmsSteps.Help + "/", StringComparison.Ordinal));
        Assert.Equal("*********0010", help.To);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Reply from *********0010: none of its 0 cases", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LowScore_ReopensForSupervisorReviewWithItsOwnClock_ReviewResolutionCloses()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000004");

        await ReplyAsync(host, number, "8613900000004", "不满意，问题根本没解决", ResolvedAt.AddHours(3));

        var review = await host.CaseAsync(number);
        Assert.Equal(("under-review", 1, 1), (review.Status, review.SatisfactionScore, review.ReopenedCount));
        var clock = Assert.Single(review.Clocks);
        Assert.Equal((ClockKind.SupervisorReview, ResolvedAt.AddHours(3).AddDays(1)), (clock.Clock, clock.DueAt));
        Assert.Contains(review.Timeline, e => e.Kind == TimelineKinds.Reopened && e.Clock == "supervisor-review");
        Assert.Contains(review.Timeline, e => e.Kind == TimelineKinds.Notified && e.Reason == "Supervisor: review");

        // A second reply while under review is not a survey answer any more.
        host.Time.SetUtcNow(ResolvedAt.AddHours(4));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000004", "5"));
        Assert.Equal(1, (await host.CaseAsync(number)).SatisfactionScore);

        var resolve = new { responsibility = "company", remedy = "a full refund" };
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "resolve", resolve, ResolvedAt.AddHours(5), "supervisor")).StatusCode);
        var closed = await host.CaseAsync(number);
        Assert.Equal(("closed", 1), (closed.Status, closed.SatisfactionScore));
        Assert.Contains(closed.Timeline, e => e.Kind == TimelineKinds.ClockMet && e.Clock == "supervisor-review");
        // The reviewed case closes without a second survey.
        Assert.Single(await StepsSentAsync(host, number), s => s == SmsSteps.Survey);
    }

    [Fact]
    public async Task LowScore_AfterAFinalDecision_CaseStaysClosed()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000005");
        var decision = new { decision = "The refund stands as offered; this is our final decision." };
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "final-decision", decision, ResolvedAt.AddHours(2), "supervisor")).StatusCode);
        var decided = await host.CaseAsync(number);
        Assert.Equal("closed", decided.Status);
        Assert.Contains(decided.Timeline, e => e.Kind == TimelineKinds.Action && e.Reason!.StartsWith("final-decision", StringComparison.Ordinal));

        host.Time.SetUtcNow(ResolvedAt.AddHours(3));
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, "8613900000005", "1"));

        var after = await host.CaseAsync(number);
        Assert.Equal(("closed", null, 0), (after.Status, after.SatisfactionScore, after.ReopenedCount));
        Assert.DoesNotContain(after.Timeline, e => e.Kind == TimelineKinds.Reopened);
    }

    [Fact]
    public async Task DeliveryReport_LandsOnTheTimelineOfItsStep_Once()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var number = await ResolvedCaseAsync(host, "13900000006");
        var survey = Assert.Single(await OutboxAsync(host), m => m.CaseNumber == number && m.Step == SmsSteps.Survey);

        var report = SmsEventPayloads.DeliveryReport("8613900000006", "Delivered", number);
        report["messageId"] = survey.MessageId;
        // Event Grid delivers at least once: the same report under a second event id, and in the other schema.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, SmsEventPayloads.EventGrid("Microsoft.Communication.SMSDeliveryReportReceived", report.DeepClone().AsObject())));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, SmsEventPayloads.CloudEvents("Microsoft.Communication.SMSDeliveryReportReceived", report), "application/cloudevents-batch+json"));

        var view = await host.CaseAsync(number);
        var delivered = Assert.Single(view.Timeline, e => e.Kind == TimelineKinds.SmsDelivery);
        Assert.Equal((CaseTimelineDeliveryReportSink.Provider, "survey: Delivered (No error.)"), (delivered.Actor, delivered.Reason));
        Assert.Equal(DateTimeOffset.Parse("2026-11-23T10:00:06.2Z", CultureInfo.InvariantCulture), delivered.Time);

        var failed = SmsEventPayloads.DeliveryReport("8613900000006", "Failed", number);
        failed["messageId"] = survey.MessageId;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(host, SmsEventPayloads.EventGrid("Microsoft.Communication.SMSDeliveryReportReceived", failed)));
        var reports = (await host.CaseAsync(number)).Timeline.Where(e => e.Kind == TimelineKinds.SmsDelivery).Select(e => e.Reason);
        Assert.Equal(["survey: Delivered (No error.)", "survey: Failed (Sender blocked for given recipient.)"], reports.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reply_TwoCasesOfOneNumber_TheNewestAwaitingTheSurveyGetsIt()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, outboxSms: true);
        var older = await ResolvedCaseAsync(host, "13900000007");
        host.Time.SetUtcNow(ResolvedAt.AddMinutes(5));
        var newer = await host.OpenAsync(Submission("13900000007", "The replacement parcel is late as well."));
        // The newer case is open, not awaiting a survey: the older case's survey gets the reply.
        await ReplyAsync(host, older, "8613900000007", "4", ResolvedAt.AddMinutes(10));
        Assert.Equal(4, (await host.CaseAsync(older)).SatisfactionScore);
        Assert.Null((await host.CaseAsync(newer)).SatisfactionScore);

        var resolve = new { responsibility = "company", remedy = "sent again" };
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(newer, "resolve", resolve, ResolvedAt.AddMinutes(15), "agent")).StatusCode);
        await ReplyAsync(host, newer, "8613900000007", "3", ResolvedAt.AddMinutes(20));
        Assert.Equal((4, 3), ((await host.CaseAsync(older)).SatisfactionScore, (await host.CaseAsync(newer)).SatisfactionScore));
    }

    private static async Task<string> ResolvedCaseAsync(StaffApiHost host, string phone)
    {
        var number = await host.OpenAsync(Submission(phone));
        var resolve = new { responsibility = "company", remedy = "a replacement parcel" };
        Assert.Equal(HttpStatusCode.Accepted, (await host.ActAsync(number, "resolve", resolve, ResolvedAt, "agent")).StatusCode);
        var resolved = await host.GetStatusAsync(number);
        Assert.Equal((CaseStatus.Resolved, true), (resolved!.Status, resolved.AwaitingSurvey));
        return number;
    }

    /// <summary>Posts the customer's reply at <paramref name="at"/> and waits until the case's orchestration handled it.</summary>
    private static async Task ReplyAsync(StaffApiHost host, string caseNumber, string from, string text, DateTimeOffset at)
    {
        host.Time.SetUtcNow(at);
        Assert.Equal(HttpStatusCode.OK, await PostReplyAsync(host, from, text));
        await host.SettledAsync(caseNumber);
    }

    private static Task<HttpStatusCode> PostReplyAsync(StaffApiHost host, string from, string text)
    {
        var received = SmsEventPayloads.Received(from, text);
        received["receivedTimestamp"] = host.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        return PostAsync(host, SmsEventPayloads.EventGrid("Microsoft.Communication.SMSReceived", received));
    }

    private static async Task<HttpStatusCode> PostAsync(StaffApiHost host, string body, string contentType = "application/json")
    {
        using var client = host.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync(new Uri($"{SmsEventsEndpoints.Route}?code={Secret}", UriKind.Relative), content);
        return response.StatusCode;
    }

    private static async Task<IReadOnlyList<SmsOutboxItem>> OutboxAsync(StaffApiHost host)
    {
        using var client = host.As("agent");
        var page = await client.GetFromJsonAsync<SmsOutboxPage>(new Uri($"{SmsOutboxEndpoints.Route}?pageSize=100", UriKind.Relative), Json);
        return page!.Items;
    }

    private static async Task<IReadOnlyList<string>> StepsSentAsync(StaffApiHost host, string caseNumber) =>
        [.. (await OutboxAsync(host)).Where(m => m.CaseNumber == caseNumber).OrderBy(m => m.SentAt).ThenBy(m => m.Step, StringComparer.Ordinal).Select(m => m.Step)];

    private static async Task<IReadOnlyList<CaseSummary>> ListAsync(StaffApiHost host, string status)
    {
        using var client = host.As("agent");
        var page = await client.GetFromJsonAsync<CasePage>(new Uri($"{StaffCaseEndpoints.Route}?status={status}", UriKind.Relative), Json);
        return page!.Items;
    }

    private static string Submission(string phone, string description = "The parcel arrived broken and nobody answers the hotline.")
    {
        var o = BadSubmissions.Valid();
        o["type"] = "complaint";
        o["description"] = description;
        o["language"] = "en";
        o["phone"] = phone;
        return o.ToJsonString();
    }
}
