using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Notifications;
using Workflow.Complaints.Tests.Cases;
using Workflow.Complaints.Tests.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Notifications;

[Collection(IntakeStorageGroup.Name)]
public sealed class TableOutboxNotifierTests(IntakeStorageFixture storage)
{
    // Monday 23 November 2026, 20:00 in Beijing: after working hours.
    private static readonly DateTimeOffset Evening = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextMorning = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task NotifyAsync_SameCaseAndKeyTwice_RecordedOnce()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Evening);
        var notifier = NewNotifier(harness);
        var warning = Notification(harness, "C-20261123-000001", "1/deadline-warning/Assignee", StaffRole.Assignee, critical: false);

        await notifier.NotifyAsync(warning, _ct);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await notifier.NotifyAsync(warning, _ct);

        var page = await notifier.ListAsync(new NotificationQuery(null, null, null, 50, null), _ct);
        var item = Assert.Single(page.Items);
        Assert.Equal(("C-20261123-000001", "1/deadline-warning/Assignee", "assignee", Evening), (item.CaseNumber, item.Key, item.Role, item.RecordedAt));
    }

    [Fact]
    public async Task NotifyAsync_TwoHostsRecordingTheSameNotificationsConcurrently_EachRecordedOnce()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Evening);
        var first = NewNotifier(harness);
        var second = NewNotifier(harness);
        var notifications = Enumerable.Range(1, 10)
            .Select(i => Notification(harness, "C-20261123-000002", $"{i}/escalation/Supervisor", StaffRole.Supervisor, critical: true))
            .ToList();

        await Task.WhenAll(notifications.SelectMany(n => new[] { first.NotifyAsync(n, _ct), second.NotifyAsync(n, _ct), first.NotifyAsync(n, _ct) }));

        var page = await first.ListAsync(new NotificationQuery("C-20261123-000002", null, null, 100, null), _ct);
        Assert.Equal(notifications.Select(n => n.Key).Order(StringComparer.Ordinal), page.Items.Select(i => i.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListAsync_NonCriticalAfterHours_HeldUntilDeliverAt_ThenDue()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Evening);
        var notifier = NewNotifier(harness);
        await notifier.NotifyAsync(Notification(harness, "C-20261123-000003", "1/approval/Supervisor", StaffRole.Supervisor, critical: false), _ct);
        await notifier.NotifyAsync(Notification(harness, "C-20261123-000003", "2/critical/DepartmentHead", StaffRole.DepartmentHead, critical: true), _ct);

        var held = await notifier.ListAsync(new NotificationQuery(null, null, NotificationState.Held, 50, null), _ct);
        var due = await notifier.ListAsync(new NotificationQuery(null, null, NotificationState.Due, 50, null), _ct);
        harness.Time.SetUtcNow(NextMorning);
        var dueInTheMorning = await notifier.ListAsync(new NotificationQuery(null, null, NotificationState.Due, 50, null), _ct);

        var heldItem = Assert.Single(held.Items);
        Assert.Equal(("supervisor", NextMorning, NotificationState.Held), (heldItem.Role, heldItem.DeliverAt, heldItem.State));
        Assert.Equal(["department-head"], due.Items.Select(i => i.Role));
        Assert.Equal(["department-head", "supervisor"], dueInTheMorning.Items.Select(i => i.Role).Order(StringComparer.Ordinal));
        Assert.All(dueInTheMorning.Items, i => Assert.Equal(NotificationState.Due, i.State));
    }

    [Fact]
    public async Task ListAsync_ByCaseAndRole_OnlyThoseInTheOrderRaised()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Evening);
        var notifier = NewNotifier(harness);
        await notifier.NotifyAsync(Notification(harness, "C-20261123-000004", "1/level2/RiskControl", StaffRole.RiskControl, critical: true), _ct);
        await notifier.NotifyAsync(Notification(harness, "C-20261123-000004", "2/level2/PublicRelations", StaffRole.PublicRelations, critical: true), _ct);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await notifier.NotifyAsync(Notification(harness, "C-20261123-000004", "10/escalation/RiskControl", StaffRole.RiskControl, critical: true), _ct);
        await notifier.NotifyAsync(Notification(harness, "C-20261123-000005", "1/level2/RiskControl", StaffRole.RiskControl, critical: true), _ct);

        var risk = await notifier.ListAsync(new NotificationQuery("C-20261123-000004", "risk", null, 50, null), _ct);

        Assert.Equal(["1/level2/RiskControl", "10/escalation/RiskControl"], risk.Items.Select(i => i.Key));
        Assert.All(risk.Items, i => Assert.Equal("C-20261123-000004", i.CaseNumber));
    }

    [Fact]
    public async Task ListAsync_PagedByContinuationToken_EveryNotificationOnce()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Evening);
        var notifier = NewNotifier(harness);
        for (var i = 1; i <= 7; i++)
        {
            await notifier.NotifyAsync(Notification(harness, $"C-20261123-{i:D6}", "1/assigned/Assignee", StaffRole.Assignee, critical: false), _ct);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await notifier.ListAsync(new NotificationQuery(null, null, null, 3, token), _ct);
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(i => i.CaseNumber));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"C-20261123-{i:D6}"), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task NotifyAsync_RowsLiveInTheStaffNotificationsTable()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Evening);
        await NewNotifier(harness).NotifyAsync(Notification(harness, "C-20261123-000009", "1/critical/Supervisor", StaffRole.Supervisor, critical: true), _ct);

        var table = await harness.Tables.GetAsync(StorageTables.Notifications, _ct);
        var row = Assert.Single(await table.QueryAsync<TableEntity>(cancellationToken: _ct).ToListAsync(_ct));
        Assert.Equal("C-20261123-000009", row.PartitionKey);
        Assert.EndsWith("|1%2Fcritical%2FSupervisor", row.RowKey, StringComparison.Ordinal);
    }

    private static TableOutboxNotifier NewNotifier(CaseStoreHarness harness) =>
        new(harness.Tables, harness.Time, NullLogger<TableOutboxNotifier>.Instance);

    // Raised now by the case's orchestration: a critical one at once, others at the next working moment.
    private static StaffNotification Notification(CaseStoreHarness harness, string caseNumber, string key, StaffRole role, bool critical)
    {
        var at = harness.Time.GetUtcNow();
        return new StaffNotification(caseNumber, key, role, "after-sales", key.Split('/')[1], "text", critical, at, critical ? at : NextMorning);
    }
}
