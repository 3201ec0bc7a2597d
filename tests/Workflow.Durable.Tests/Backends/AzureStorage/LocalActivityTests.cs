using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>Activities run on their instance's partition owner, and their crash safety rests on the history and the marker row.</summary>
public sealed class LocalActivityTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CompleteActivityWorkItem_OnOwner_ResultReachesNextTurnWithoutQueueMessages()
    {
        var hub = NewHubName();
        await using var backend = await StartBackendAsync(azurite.ConnectionString, hub);
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("l1"), TestContext.Current.CancellationToken);
        var first = await LockAsync(backend, Wait);
        await backend.CompleteOrchestrationWorkItemAsync(first!, FirstTurn(first!, now), TestContext.Current.CancellationToken);
        Assert.Equal(1, await CountMarkersAsync(hub));

        var activity = await LockActivityAsync(backend, Wait);
        Assert.NotNull(activity);
        await backend.CompleteActivityWorkItemAsync(activity, ActivityResult(activity, "7"), TestContext.Current.CancellationToken);
        var second = await LockAsync(backend, Wait);
        Assert.NotNull(second);
        Assert.Equal("7", Assert.IsType<TaskCompletedEvent>(Assert.Single(second.NewMessages).Event).Result);
        await backend.CompleteOrchestrationWorkItemAsync(second, FinalTurn(second, now, "\"done\""), TestContext.Current.CancellationToken);

        // Only the client's start message went through a queue: no activity request, no result message.
        Assert.Equal(1, backend.Statistics[StorageOperation.QueueSend]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await backend.GetInstanceAsync("l1", false, TestContext.Current.CancellationToken))!.RuntimeStatus);
        Assert.Equal(0, await CountMarkersAsync(hub));
    }

    [Fact]
    public async Task Host_KilledWithActivityOutstanding_NewOwnerRunsItAgainAndInstanceCompletes()
    {
        var hub = NewHubName();
        var now = DateTime.UtcNow;
        var a = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "host-a");
        await a.CreateInstanceAsync(StartMessage("l2"), TestContext.Current.CancellationToken);
        var first = await LockAsync(a, Wait);
        await a.CompleteOrchestrationWorkItemAsync(first!, FirstTurn(first!, now), TestContext.Current.CancellationToken);
        Assert.Equal(1, a.LocalActivityCount);

        // The process dies with the activity queued in memory: nothing but the history and the marker say it is due.
        await a.SimulateProcessKillAsync();
        await using var b = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "host-b");
        var activity = await LockActivityAsync(b, Wait);
        Assert.NotNull(activity);
        Assert.Equal("l2", activity.Message.InstanceId);
        Assert.Equal(0, activity.Scheduled.EventId);
        await b.CompleteActivityWorkItemAsync(activity, ActivityResult(activity, "8"), TestContext.Current.CancellationToken);

        var second = await LockAsync(b, Wait);
        Assert.NotNull(second);
        Assert.Equal(4, second.History.Count);
        Assert.IsType<TaskCompletedEvent>(Assert.Single(second.NewMessages).Event);
        await b.CompleteOrchestrationWorkItemAsync(second, FinalTurn(second, now, "\"done\""), TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await b.GetInstanceAsync("l2", false, TestContext.Current.CancellationToken))!.RuntimeStatus);
        Assert.Equal(0, await CountMarkersAsync(hub));
    }

    [Fact]
    public async Task CompleteActivityWorkItem_CrashAfterResultHeldInMemory_ActivityRunsAgainWithTheSameResultId()
    {
        var crash = new CrashOnce(FaultPoint.ActivityResultSent);
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.FaultInjector = crash);
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("l3"), TestContext.Current.CancellationToken);
        var first = await LockAsync(backend, Wait);
        await backend.CompleteOrchestrationWorkItemAsync(first!, FirstTurn(first!, now), TestContext.Current.CancellationToken);

        var activity = await LockActivityAsync(backend, Wait);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => backend.CompleteActivityWorkItemAsync(activity!, ActivityResult(activity!, "1"), TestContext.Current.CancellationToken));

        // The result was lost with the "process"; the instance is recovered and the activity runs again.
        var again = await LockActivityAsync(backend, Wait);
        Assert.NotNull(again);
        Assert.Equal((activity!.Message.InstanceId, activity.Scheduled.EventId), (again.Message.InstanceId, again.Scheduled.EventId));
        await backend.CompleteActivityWorkItemAsync(again, ActivityResult(again, "1"), TestContext.Current.CancellationToken);
        var second = await LockAsync(backend, Wait);
        Assert.NotNull(second);
        Assert.Single(second.NewMessages.Select(m => m.MessageId).Distinct());
    }

    private async Task<int> CountMarkersAsync(string hub)
    {
        var timers = new TableClient(azurite.ConnectionString, hub + "Timers");
        var count = 0;
        await foreach (var row in timers.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            count += row.GetString("Kind") == "PendingActivities" ? 1 : 0;
        }

        return count;
    }
}
