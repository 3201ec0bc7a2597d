using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Retention;
using Workflow.Complaints.Tests.Intake;
using Workflow.Complaints.Tests.Staff;
using Xunit;
using static Workflow.Complaints.Tests.Staff.StaffApiHost;

namespace Workflow.Complaints.Tests.Retention;

/// <summary>The retention job on the whole host: case store on Azurite, the in-memory durable backend, fake time.</summary>
[Collection(IntakeStorageGroup.Name)]
public sealed class RetentionTests(IntakeStorageFixture storage)
{
    private static readonly DateTimeOffset T = Opening;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunNow_AfterHistoryDays_PurgesTheHistoryOnly_AfterCaseRecordDays_PurgesTheRecord()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Retention:Enabled"] = "false",
        });
        var closed = await host.OpenAsync(Submission());
        var open = await host.OpenAsync(Submission());
        await WithdrawAsync(host, closed, T.AddHours(1));
        var store = host.Services.GetRequiredService<CaseStore>();

        host.Time.SetUtcNow(T.AddHours(1).AddDays(29));
        var tooEarly = await RunNowAsync(host);
        host.Time.SetUtcNow(T.AddHours(1).AddDays(30).AddMinutes(1));
        var histories = await RunNowAsync(host);

        Assert.Equal((RetentionRunStatus.Completed, 0, 0), (tooEarly.Status, tooEarly.HistoriesPurged, tooEarly.CaseRecordsPurged));
        Assert.Equal((RetentionRunStatus.Completed, 1, 0, 0), (histories.Status, histories.HistoriesPurged, histories.CaseRecordsPurged, histories.Failed));
        Assert.Null(await host.Durable.GetInstanceAsync(closed, cancellationToken: _ct));
        Assert.NotNull(await host.Durable.GetInstanceAsync(open, cancellationToken: _ct));
        var kept = await store.GetAsync(closed, _ct);
        Assert.Equal(T.AddHours(1).AddDays(30).AddMinutes(1), kept!.HistoryPurgedAt);
        Assert.NotEmpty(await store.GetTimelineAsync(closed, _ct));

        host.Time.SetUtcNow(T.AddHours(1).AddDays(730).AddMinutes(1));
        var records = await RunNowAsync(host);

        Assert.Equal((RetentionRunStatus.Completed, 0, 1), (records.Status, records.HistoriesPurged, records.CaseRecordsPurged));
        Assert.Null(await store.GetAsync(closed, _ct));
        Assert.Empty(await store.GetTimelineAsync(closed, _ct));
        Assert.NotNull(await store.GetAsync(open, _ct));
        var report = await ReportAsync(host);
        Assert.Equal([records.RunId, histories.RunId, tooEarly.RunId], report.Runs.Select(r => r.RunId));
        Assert.All(report.Runs, r => Assert.Equal("manual:ops", r.Trigger));
        Assert.Equal((30, 730), (report.HistoryDays, report.CaseRecordDays));
    }

    [Fact]
    public async Task Scheduled_EveryInterval_PurgesHistoryThenRecordAndReportsEachRun()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Retention:Interval"] = "1.00:00:00",
            ["Retention:FirstRunDelay"] = "02:00:00",
            ["Retention:HistoryDays"] = "1",
            ["Retention:CaseRecordDays"] = "2",
        });
        var number = await host.OpenAsync(Submission());
        await WithdrawAsync(host, number, T.AddHours(1));
        var store = host.Services.GetRequiredService<CaseStore>();

        host.Time.SetUtcNow(T.AddHours(3));
        var first = await ScheduledRunAsync(host, 1);
        host.Time.SetUtcNow(T.AddHours(3).AddDays(1));
        var second = await ScheduledRunAsync(host, 2);
        var afterHistory = await store.GetAsync(number, _ct);
        host.Time.SetUtcNow(T.AddHours(3).AddDays(2));
        var third = await ScheduledRunAsync(host, 3);

        Assert.Equal((0, 0), (first.HistoriesPurged, first.CaseRecordsPurged));
        Assert.Equal((1, 0), (second.HistoriesPurged, second.CaseRecordsPurged));
        Assert.NotNull(afterHistory!.HistoryPurgedAt);
        Assert.Equal((0, 1), (third.HistoriesPurged, third.CaseRecordsPurged));
        Assert.Equal([T.AddHours(3), T.AddHours(3).AddDays(1), T.AddHours(3).AddDays(2)], new[] { first, second, third }.Select(r => r.StartedAt));
        Assert.Null(await store.GetAsync(number, _ct));
    }

    [Fact]
    public async Task RunNow_WhileAnotherHostHoldsTheLease_409NamingThatRun_ThenAfterItExpires_RunsAndMarksItAbandoned()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Retention:Enabled"] = "false",
            ["Retention:LeaseDuration"] = "00:10:00",
        });
        var runs = host.Services.GetRequiredService<RetentionRuns>();
        var other = new RetentionRun("other-host-run", "scheduled", RetentionRunStatus.Running, T, null, T, T, 0, 0, 0, 0, null);
        Assert.True((await runs.TryAcquireAsync(other.RunId, _ct)).Acquired);
        await runs.SaveAsync(other, _ct);
        using var ops = host.As("ops");

        using var refused = await ops.PostAsync(new Uri(RetentionEndpoints.Route + "/run", UriKind.Relative), null, _ct);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync(_ct))!;
        host.Time.Advance(TimeSpan.FromMinutes(11));
        var run = await RunNowAsync(host);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("other-host-run", problem["runningRunId"]!.GetValue<string>());
        Assert.Equal(RetentionRunStatus.Completed, run.Status);
        var report = await ReportAsync(host);
        Assert.Equal([(run.RunId, RetentionRunStatus.Completed), ("other-host-run", RetentionRunStatus.Abandoned)], report.Runs.Select(r => (r.RunId, r.Status)));
    }

    [Fact]
    public async Task Routes_AnAgent_IsForbidden()
    {
        await using var host = new StaffApiHost(storage.ConnectionString, settings: new Dictionary<string, string?> { ["Retention:Enabled"] = "false" });
        using var agent = host.As("agent");

        using var list = await agent.GetAsync(new Uri(RetentionEndpoints.Route, UriKind.Relative), _ct);
        using var run = await agent.PostAsync(new Uri(RetentionEndpoints.Route + "/run", UriKind.Relative), null, _ct);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, run.StatusCode));
    }

    private async Task WithdrawAsync(StaffApiHost host, string number, DateTimeOffset at)
    {
        using var response = await host.ActAsync(number, "withdraw", new { reason = "customer called to withdraw" }, at, "agent");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        wait.CancelAfter(Patience);
        var ended = await host.Durable.WaitForInstanceCompletionAsync(number, cancellationToken: wait.Token);
        Assert.Equal(Workflow.Durable.OrchestrationRuntimeStatus.Completed, ended!.RuntimeStatus);
        await WaitForAsync(async () => (await host.Services.GetRequiredService<CaseStore>().GetAsync(number, _ct))?.ClosedAt is not null);
    }

    private async Task<RetentionRun> RunNowAsync(StaffApiHost host)
    {
        using var ops = host.As("ops");
        using var response = await ops.PostAsync(new Uri(RetentionEndpoints.Route + "/run", UriKind.Relative), null, _ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = (await response.Content.ReadFromJsonAsync<RetentionRun>(Json, _ct))!;
        Assert.Equal(RetentionRunStatus.Running, started.Status);
        await host.Services.GetRequiredService<RetentionJob>().Current.WaitAsync(Patience, _ct);
        return (await ReportAsync(host)).Runs.Single(r => r.RunId == started.RunId);
    }

    private async Task<RetentionRun> ScheduledRunAsync(StaffApiHost host, int count)
    {
        RetentionRun? newest = null;
        await WaitForAsync(async () =>
        {
            var runs = await host.Services.GetRequiredService<RetentionRuns>().ListAsync(10, _ct);
            newest = runs.Count == count && runs[0].Status == RetentionRunStatus.Completed ? runs[0] : null;
            return newest is not null;
        });
        Assert.Equal("scheduled", newest!.Trigger);
        return newest;
    }

    private async Task<RetentionReport> ReportAsync(StaffApiHost host)
    {
        using var ops = host.As("ops");
        using var response = await ops.GetAsync(new Uri(RetentionEndpoints.Route, UriKind.Relative), _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RetentionReport>(Json, _ct))!;
    }

    private async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(20, _ct);
        }
    }

    private static string Submission()
    {
        var o = BadSubmissions.Valid();
        o["type"] = "complaint";
        o["language"] = "en";
        return o.ToJsonString();
    }
}
