using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Tests.Cases;
using Workflow.Complaints.Tests.Intake;
using Workflow.Complaints.Triage;
using Xunit;
using LifecycleEntry = Workflow.Complaints.Lifecycle.TimelineEntry;

namespace Workflow.Complaints.Tests.Lifecycle;

[Collection(IntakeStorageGroup.Name)]
public sealed class CaseStoreRecorderTests(IntakeStorageFixture storage)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordCaseAsync_OpenedCase_SetsTriageFieldsAndDeadlineOnTheRow()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();
        var recorder = new CaseStoreRecorder(harness.Store, harness.Time);

        var record = new CaseRecord(created.CaseNumber, "zh-CN", CaseType.Complaint, "CN", Severity.Urgent, EscalationLevel.Level2, "billing", Now, Now.AddHours(1));
        await recorder.RecordCaseAsync(record, _ct);
        await recorder.RecordCaseAsync(record, _ct);

        var stored = await harness.Store.GetAsync(created.CaseNumber, _ct);
        Assert.Equal(("urgent", 2, "billing", Now.AddHours(1)), (stored!.Severity, stored.Level, stored.Department, stored.NextDeadline));
        Assert.Equal("open", stored.Status);
        var level2 = await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Level = 2 }, _ct);
        Assert.Equal(created.CaseNumber, Assert.Single(level2.Items).CaseNumber);
    }

    [Fact]
    public async Task RecordCaseAsync_NoCaseRow_Throws()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var recorder = new CaseStoreRecorder(harness.Store, harness.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => recorder.RecordCaseAsync(
            new CaseRecord("C-20261123-999999", "en", CaseType.Complaint, "CN", Severity.Normal, EscalationLevel.None, "billing", Now, null), _ct));
    }

    [Fact]
    public async Task UpdateCaseAsync_StatusMoves_SetReadModelTimesAndLeaveTheOpenIndexWhenClosed()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();
        var recorder = new CaseStoreRecorder(harness.Store, harness.Time);

        harness.Time.SetUtcNow(Now.AddHours(2));
        await recorder.UpdateCaseAsync(new CaseUpdate(created.CaseNumber, CaseStatus.InProgress, Severity.Critical, "technical", Now.AddHours(26), null, ClockKind.Completion), _ct);
        var progressing = await harness.Store.GetAsync(created.CaseNumber, _ct);
        Assert.Equal(("in-progress", "critical", "technical", Now.AddHours(26), "completion"),
            (progressing!.Status, progressing.Severity, progressing.Department, progressing.NextDeadline, progressing.NextClock));
        Assert.Equal(Now.AddHours(2), progressing.FirstResponseAt);

        harness.Time.SetUtcNow(Now.AddHours(5));
        await recorder.UpdateCaseAsync(new CaseUpdate(created.CaseNumber, CaseStatus.Resolved, Severity.Critical, "technical", null, null), _ct);
        harness.Time.SetUtcNow(Now.AddHours(6));
        var closing = new CaseUpdate(created.CaseNumber, CaseStatus.Closed, Severity.Critical, "technical", null, 4);
        await recorder.UpdateCaseAsync(closing, _ct);
        await recorder.UpdateCaseAsync(closing, _ct);

        var closed = await harness.Store.GetAsync(created.CaseNumber, _ct);
        Assert.Equal(("closed", 4, Now.AddHours(2), Now.AddHours(5), Now.AddHours(6)),
            (closed!.Status, closed.SatisfactionScore, closed.FirstResponseAt, closed.ResolvedAt, closed.ClosedAt));
        Assert.Null(closed.NextClock);
        Assert.Empty((await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true }, _ct)).Items);
    }

    [Fact]
    public async Task AppendTimelineAsync_SameSequenceTwice_OneEntryWithClockAndDeadlines()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();
        var recorder = new CaseStoreRecorder(harness.Store, harness.Time);
        var recomputed = new LifecycleEntry(created.CaseNumber, 2, Now.AddMinutes(5), "li", "deadline-recomputed", "severity normal → urgent",
            ClockKind.FirstResponse, Now.AddHours(24), Now.AddHours(12));

        await recorder.AppendTimelineAsync(new LifecycleEntry(created.CaseNumber, 1, Now.AddMinutes(5), "system", "recorded", "complaint recorded"), _ct);
        await recorder.AppendTimelineAsync(recomputed, _ct);
        await recorder.AppendTimelineAsync(recomputed, _ct);

        var timeline = await harness.Store.GetTimelineAsync(created.CaseNumber, _ct);
        Assert.Equal(["received", "recorded", "deadline-recomputed"], timeline.Select(e => e.Kind));
        var last = timeline[^1];
        Assert.Equal(("first-response", Now.AddHours(24), Now.AddHours(12), "li", CaseStoreRecorder.TimelineId(2)),
            (last.Clock, last.OldDeadline, last.NewDeadline, last.Actor, last.Id));
    }

    [Fact]
    public async Task GetContactAsync_RecordedCase_FullNumberFromTheCustomerRecord()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync("+8613900001111");
        var recorder = new CaseStoreRecorder(harness.Store, harness.Time);

        var contact = await recorder.GetContactAsync(created.CaseNumber, _ct);

        Assert.Equal(("+8613900001111", "zh-CN"), (contact!.Phone, contact.Language));
        Assert.Null(await recorder.GetContactAsync("C-20261123-999999", _ct));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("13900001111", StringComparison.Ordinal));
    }
}
