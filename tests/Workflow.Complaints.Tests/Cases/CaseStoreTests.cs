using Azure.Data.Tables;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Tests.Intake;
using Xunit;

namespace Workflow.Complaints.Tests.Cases;

[Collection(IntakeStorageGroup.Name)]
public sealed class CaseStoreTests(IntakeStorageFixture storage)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_NewCase_FullPhoneOnlyInCustomerRecord()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);

        var created = await harness.CreateAsync();

        var stored = await harness.Store.GetAsync(created.CaseNumber, _ct);
        Assert.Equal("*******5678", stored?.MaskedPhone);
        Assert.Equal(new Workflow.Complaints.Intake.CustomerRequest("refund", 12.5m, "CNY"), stored?.Request);
        foreach (var table in new[] { StorageTables.Cases, StorageTables.Index, StorageTables.Timeline })
        {
            foreach (var row in await RowsAsync(harness, table))
            {
                Assert.DoesNotContain(((IDictionary<string, object>)row).Values, v => v?.ToString()?.Contains("13812345678", StringComparison.Ordinal) == true);
            }
        }

        Assert.Equal("+8613812345678", await harness.Store.GetSmsRecipientAsync(created.CaseNumber, _ct));
    }

    [Fact]
    public async Task CreateAsync_SameCaseTwice_StoredOnce()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();
        var newCase = created with { Status = "other" };

        var again = await harness.Store.CreateAsync(newCase, new CustomerRecord { CaseNumber = created.CaseNumber, CustomerName = "x", PhoneE164 = "+8613812345678", Description = "d" }, new TimelineEntry(Now, "received", "customer") { Id = "received" }, _ct);

        Assert.Equal("open", again.Status);
        Assert.Single(await harness.Store.GetTimelineAsync(created.CaseNumber, _ct));
    }

    [Fact]
    public async Task GetCustomerRecordAsync_StaffRead_WrittenToAuditLog()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();

        var record = await harness.Store.GetCustomerRecordAsync(created.CaseNumber, "li.agent", "calling the customer back", _ct);

        Assert.Equal("张三", record?.CustomerName);
        Assert.Equal(["ORD-1", "https://example.invalid/s/1.png"], record?.Evidence);
        var audit = Assert.Single(await harness.Audit.ListAsync(created.CaseNumber, _ct));
        Assert.Equal(("li.agent", "calling the customer back", Now), (audit.StaffUser, audit.Reason, audit.Time));
    }

    [Fact]
    public async Task ListAsync_OpenByDepartment_OrderedByNextDeadline()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var late = await harness.CreateAsync(change: c => c with { Department = "logistics", NextDeadline = Now.AddHours(3), NextClock = "forward" });
        var early = await harness.CreateAsync(change: c => c with { Department = "logistics", NextDeadline = Now.AddHours(1), NextClock = "forward" });
        var middle = await harness.CreateAsync(change: c => c with { Department = "logistics", NextDeadline = Now.AddHours(2), NextClock = "forward" });
        await harness.CreateAsync(change: c => c with { Department = "billing", NextDeadline = Now.AddMinutes(5) });

        var page = await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Department = "logistics" }, _ct);

        Assert.Equal([early.CaseNumber, middle.CaseNumber, late.CaseNumber], page.Items.Select(i => i.CaseNumber));
        Assert.All(page.Items, i => Assert.Equal("forward", i.NextClock));
    }

    [Fact]
    public async Task UpdateAsync_DepartmentChanged_MovesOpenIndexRow()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync(change: c => c with { Department = "logistics", NextDeadline = Now.AddHours(1) });

        await harness.Store.UpdateAsync(created.CaseNumber, c => c with { Department = "billing", NextDeadline = Now.AddHours(24), Status = "forwarded" }, _ct);

        Assert.Empty((await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Department = "logistics" }, _ct)).Items);
        var moved = Assert.Single((await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Department = "billing" }, _ct)).Items);
        Assert.Equal(("forwarded", Now.AddHours(24)), (moved.Status, moved.NextDeadline));
        Assert.Equal(3, (await RowsAsync(harness, StorageTables.Index)).Count);
    }

    [Fact]
    public async Task ListAsync_Overdue_OnlyCasesPastTheirDeadline()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var overdue = await harness.CreateAsync(change: c => c with { NextDeadline = Now.AddMinutes(-10) });
        await harness.CreateAsync(change: c => c with { NextDeadline = Now.AddMinutes(10) });
        await harness.CreateAsync();

        var page = await harness.Store.ListAsync(new CaseListQuery { OverdueAt = Now }, _ct);

        Assert.Equal(overdue.CaseNumber, Assert.Single(page.Items).CaseNumber);
    }

    [Fact]
    public async Task ListAsync_OpenCreatedFrom_OnlyCasesOfThoseDays()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        await harness.CreateAsync();
        harness.Time.Advance(TimeSpan.FromDays(2));
        var recent = await harness.CreateAsync();

        var page = await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, CreatedFrom = DateOnly.FromDateTime(harness.Time.GetUtcNow().AddHours(8).Date) }, _ct);

        Assert.Equal(recent.CaseNumber, Assert.Single(page.Items).CaseNumber);
    }

    [Fact]
    public async Task ListAsync_ByLevel_OnlyOpenCasesOfThatLevel()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var level2 = await harness.CreateAsync(change: c => c with { Level = 2 });
        await harness.CreateAsync(change: c => c with { Level = 1 });
        var closed = await harness.CreateAsync(change: c => c with { Level = 2 });
        await harness.Store.UpdateAsync(closed.CaseNumber, c => c with { Status = "closed", ClosedAt = Now }, _ct);

        var page = await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Level = 2 }, _ct);

        Assert.Equal(level2.CaseNumber, Assert.Single(page.Items).CaseNumber);
    }

    [Fact]
    public async Task UpdateAsync_Closed_LeavesThePhoneRowAndTheRetentionRows()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync(change: c => c with { Department = "logistics", Level = 1, NextDeadline = Now.AddHours(1) });
        Assert.Equal(4, (await RowsAsync(harness, StorageTables.Index)).Count);

        await harness.Store.UpdateAsync(created.CaseNumber, c => c with { Status = "closed", ClosedAt = Now, NextDeadline = null }, _ct);

        var rows = await RowsAsync(harness, StorageTables.Index);
        Assert.Equal(
            [CaseIndexKeys.Closed, CaseIndexKeys.ClosedWithHistory, CaseIndexKeys.ByPhone],
            rows.Select(r => r.PartitionKey.StartsWith(CaseIndexKeys.ByPhone, StringComparison.Ordinal) ? CaseIndexKeys.ByPhone : r.PartitionKey).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.False(r.GetBoolean("IsOpen")));
    }

    [Fact]
    public async Task UpdateAsync_TenConcurrentChanges_AllAppliedAndIndexConsistent()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now, new Dictionary<string, string?> { ["Cases:UpdateAttempts"] = "50" });
        var created = await harness.CreateAsync(change: c => c with { Department = "logistics" });

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            harness.Store.UpdateAsync(created.CaseNumber, c => c with { ReopenedCount = c.ReopenedCount + 1, NextDeadline = Now.AddMinutes(c.ReopenedCount + 1) }, _ct)));

        var stored = await harness.Store.GetAsync(created.CaseNumber, _ct);
        Assert.Equal(10, stored?.ReopenedCount);
        Assert.Equal(10, stored?.Revision);
        var open = Assert.Single((await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true }, _ct)).Items);
        Assert.Equal(Now.AddMinutes(10), open.NextDeadline);
    }

    [Fact]
    public async Task UpdateAsync_UnknownCase_ReturnsNull()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);

        var updated = await harness.Store.UpdateAsync("C-20261123-000999", c => c, _ct);

        Assert.Null(updated);
    }

    [Fact]
    public async Task FindRecentByPhoneAsync_CasesInsideAndOutsideWindow_OnlyRecent()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        await harness.CreateAsync();
        harness.Time.Advance(TimeSpan.FromDays(40));
        var recent = await harness.CreateAsync();
        await harness.CreateAsync(phoneE164: "+8613912345678");

        var found = await harness.Store.FindRecentByPhoneAsync("+8613812345678", harness.Time.GetUtcNow().AddDays(-30), _ct);

        Assert.Equal(recent.CaseNumber, Assert.Single(found).CaseNumber);
    }

    [Fact]
    public async Task ListAsync_DateRangeInPages_EveryCaseOnceInNumberOrder()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await harness.CreateAsync()).CaseNumber);
        }

        var listed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await harness.Store.ListAsync(new CaseListQuery { PageSize = 3, ContinuationToken = token, Type = "complaint" }, _ct);
            listed.AddRange(page.Items.Select(i => i.CaseNumber));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(created, listed);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task GetTimelineAsync_EntriesAppendedOutOfOrder_ReturnedByTime()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();
        await harness.Store.AppendTimelineAsync(created.CaseNumber, new TimelineEntry(Now.AddHours(2), "responded", "li.agent", "Called the customer"), _ct);
        await harness.Store.AppendTimelineAsync(created.CaseNumber, new TimelineEntry(Now.AddHours(1), "forwarded", "system", "Routed to logistics") { Id = "forward-1" }, _ct);
        await harness.Store.AppendTimelineAsync(created.CaseNumber, new TimelineEntry(Now.AddHours(1), "forwarded", "system", "Routed to logistics") { Id = "forward-1" }, _ct);

        var timeline = await harness.Store.GetTimelineAsync(created.CaseNumber, _ct);

        Assert.Equal(["received", "forwarded", "responded"], timeline.Select(e => e.Kind));
        Assert.Equal(("li.agent", "Called the customer"), (timeline[2].Actor, timeline[2].Reason));
    }

    [Fact]
    public async Task PurgeAsync_Case_RemovesEverythingButAudit()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync(change: c => c with { Department = "logistics" });
        await harness.Store.GetCustomerRecordAsync(created.CaseNumber, "ops", "retention check", _ct);

        Assert.True(await harness.Store.PurgeAsync(created.CaseNumber, _ct));

        foreach (var table in new[] { StorageTables.Cases, StorageTables.Customers, StorageTables.Index, StorageTables.Timeline })
        {
            Assert.Empty(await RowsAsync(harness, table));
        }

        Assert.Single(await harness.Audit.ListAsync(created.CaseNumber, _ct));
        Assert.False(await harness.Store.PurgeAsync(created.CaseNumber, _ct));
    }

    [Fact]
    public async Task PurgeAsync_ClosedCase_RemovesItsNotificationsAndRetentionRowsToo()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();
        await harness.Store.UpdateAsync(created.CaseNumber, c => c with { Status = "closed", ClosedAt = Now }, _ct);
        var notifications = await harness.Tables.GetAsync(StorageTables.Notifications, _ct);
        await notifications.AddEntityAsync(new TableEntity(created.CaseNumber, "0|1%2Fcritical%2FSupervisor"), _ct);

        Assert.True(await harness.Store.PurgeAsync(created.CaseNumber, _ct));

        Assert.Empty(await RowsAsync(harness, StorageTables.Index));
        Assert.Empty(await RowsAsync(harness, StorageTables.Notifications));
        Assert.Empty(await harness.Store.ListClosedAsync(withHistoryOnly: false, Now.AddDays(1), 10, _ct));
    }

    [Fact]
    public async Task ListClosedAsync_OnlyCasesClosedBeforeTheCutoff_OldestFirst_WithHistoryUntilMarkedPurged()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var open = await harness.CreateAsync();
        var older = await harness.CreateAsync();
        var old = await harness.CreateAsync();
        var recent = await harness.CreateAsync();
        await harness.Store.UpdateAsync(old.CaseNumber, c => c with { Status = "closed", ClosedAt = Now.AddDays(-40) }, _ct);
        await harness.Store.UpdateAsync(older.CaseNumber, c => c with { Status = "withdrawn", ClosedAt = Now.AddDays(-50) }, _ct);
        await harness.Store.UpdateAsync(recent.CaseNumber, c => c with { Status = "closed", ClosedAt = Now.AddDays(-1) }, _ct);

        var beforeMonth = await harness.Store.ListClosedAsync(withHistoryOnly: true, Now.AddDays(-30), 10, _ct);
        var firstOnly = await harness.Store.ListClosedAsync(withHistoryOnly: true, Now.AddDays(-30), 1, _ct);
        await harness.Store.MarkHistoryPurgedAsync(older.CaseNumber, _ct);
        var withHistory = await harness.Store.ListClosedAsync(withHistoryOnly: true, Now, 10, _ct);
        var all = await harness.Store.ListClosedAsync(withHistoryOnly: false, Now, 10, _ct);

        Assert.Equal([new ClosedCase(older.CaseNumber, Now.AddDays(-50)), new ClosedCase(old.CaseNumber, Now.AddDays(-40))], beforeMonth);
        Assert.Equal([older.CaseNumber], firstOnly.Select(c => c.CaseNumber));
        Assert.Equal([old.CaseNumber, recent.CaseNumber], withHistory.Select(c => c.CaseNumber));
        Assert.Equal([older.CaseNumber, old.CaseNumber, recent.CaseNumber], all.Select(c => c.CaseNumber));
        Assert.DoesNotContain(open.CaseNumber, all.Select(c => c.CaseNumber));
        Assert.Equal(Now, (await harness.Store.GetAsync(older.CaseNumber, _ct))!.HistoryPurgedAt);
    }

    [Fact]
    public async Task AnonymiseAsync_Case_RemovesPersonalDataKeepsTimeline()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync();

        await harness.Store.AnonymiseAsync(created.CaseNumber, _ct);

        Assert.Equal("*******", (await harness.Store.GetAsync(created.CaseNumber, _ct))?.MaskedPhone);
        Assert.Null(await harness.Store.GetSmsRecipientAsync(created.CaseNumber, _ct));
        Assert.Empty(await harness.Store.FindRecentByPhoneAsync("+8613812345678", Now.AddDays(-1), _ct));
        Assert.Single(await harness.Store.GetTimelineAsync(created.CaseNumber, _ct));
    }

    [Fact]
    public async Task RepairIndexAsync_StaleRowFromInterruptedUpdate_Removed()
    {
        await using var harness = new CaseStoreHarness(storage.ConnectionString, Now);
        var created = await harness.CreateAsync(change: c => c with { Department = "logistics" });
        await harness.Store.UpdateAsync(created.CaseNumber, c => c with { Department = "billing" }, _ct);
        var index = await IndexTableAsync(harness);
        await index.UpsertEntityAsync(new TableEntity(CaseIndexKeys.DepartmentPartition("legal"), CaseIndexKeys.DeadlineRow(null, created.CaseNumber))
        {
            ["CaseNumber"] = created.CaseNumber,
            ["Revision"] = 0L,
        }, cancellationToken: _ct);

        await harness.Store.RepairIndexAsync(created.CaseNumber, _ct);

        Assert.Empty((await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Department = "legal" }, _ct)).Items);
        Assert.Single((await harness.Store.ListAsync(new CaseListQuery { OpenOnly = true, Department = "billing" }, _ct)).Items);
    }

    private static async Task<TableClient> IndexTableAsync(CaseStoreHarness harness)
    {
        return await harness.Tables.GetAsync(StorageTables.Index, CancellationToken.None);
    }

    private static async Task<List<TableEntity>> RowsAsync(CaseStoreHarness harness, string table)
    {
        var client = await harness.Tables.GetAsync(table, CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}
