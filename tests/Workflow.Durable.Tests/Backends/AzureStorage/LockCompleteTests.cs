using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class LockCompleteTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CompleteOrchestrationWorkItem_FullCycle_CompletesInstance()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("a1"), TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await backend.GetInstanceAsync("a1", true, TestContext.Current.CancellationToken))!.RuntimeStatus);

        var first = await LockAsync(backend, Wait);
        Assert.NotNull(first);
        Assert.Null(first.State);
        Assert.Empty(first.History);
        await backend.CompleteOrchestrationWorkItemAsync(first, FirstTurn(first, now), TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await backend.GetInstanceAsync("a1", false, TestContext.Current.CancellationToken))!.RuntimeStatus);

        var activity = await LockActivityAsync(backend, Wait);
        Assert.NotNull(activity);
        Assert.Equal("Activity", activity.Scheduled.Name);
        await backend.CompleteActivityWorkItemAsync(activity, ActivityResult(activity, "42"), TestContext.Current.CancellationToken);

        var second = await LockAsync(backend, Wait);
        Assert.NotNull(second);
        Assert.Equal(4, second.History.Count);
        Assert.IsType<TaskCompletedEvent>(Assert.Single(second.NewMessages).Event);
        await backend.CompleteOrchestrationWorkItemAsync(second, FinalTurn(second, now, "\"done\""), TestContext.Current.CancellationToken);

        var state = await backend.GetInstanceAsync("a1", true, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, state!.RuntimeStatus);
        Assert.Equal("\"done\"", state.Output);
        var history = await backend.GetHistoryAsync("a1", TestContext.Current.CancellationToken);
        Assert.Equal(8, history.Count);
        Assert.Null(await LockAsync(backend, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task CreateInstance_ExistingRunning_Throws()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), start: false);
        await backend.CreateInstanceAsync(StartMessage("dup"), TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() => backend.CreateInstanceAsync(StartMessage("dup", executionId: "e2"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_HistoryChangedUnderneath_ThrowsLockLostAndRedelivers()
    {
        var hub = NewHubName();
        await using var backend = await StartBackendAsync(azurite.ConnectionString, hub);
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("c1"), TestContext.Current.CancellationToken);
        var first = await LockAsync(backend, Wait);
        await backend.CompleteOrchestrationWorkItemAsync(first!, FirstTurn(first!, now), TestContext.Current.CancellationToken);
        var activity = await LockActivityAsync(backend, Wait);
        await backend.CompleteActivityWorkItemAsync(activity!, ActivityResult(activity!, "1"), TestContext.Current.CancellationToken);
        var second = await LockAsync(backend, Wait);

        // Another writer touches the sentinel: its ETag no longer matches the work item's.
        var table = new TableClient(azurite.ConnectionString, hub + "History");
        await table.UpdateEntityAsync(new TableEntity("c1", "sentinel") { ["Touched"] = true }, Azure.ETag.All, TableUpdateMode.Merge, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InstanceLockLostException>(() => backend.CompleteOrchestrationWorkItemAsync(second!, FinalTurn(second!, now, "x"), TestContext.Current.CancellationToken));
        Assert.Equal(4, (await backend.GetHistoryAsync("c1", TestContext.Current.CancellationToken)).Count);

        var again = await LockAsync(backend, Wait);
        Assert.NotNull(again);
        Assert.IsType<TaskCompletedEvent>(Assert.Single(again.NewMessages).Event);
        await backend.CompleteOrchestrationWorkItemAsync(again, FinalTurn(again, now, "x"), TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await backend.GetInstanceAsync("c1", false, TestContext.Current.CancellationToken))!.RuntimeStatus);
    }

    [Fact]
    public async Task DeleteAsync_Twice_RemovesTaskHub()
    {
        var hub = NewHubName();
        await using var backend = await StartBackendAsync(azurite.ConnectionString, hub, start: false);
        await backend.CreateInstanceAsync(StartMessage("gone"), TestContext.Current.CancellationToken);
        await backend.DeleteAsync(TestContext.Current.CancellationToken);
        await backend.DeleteAsync(TestContext.Current.CancellationToken);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var left = new List<string>();
        await foreach (var table in tables.QueryAsync(t => t.Name == hub + "Instances", cancellationToken: TestContext.Current.CancellationToken))
        {
            left.Add(table.Name);
        }

        Assert.Empty(left);
    }
}
