using Azure.Storage.Queues;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>
/// Control messages sent to a partition the sending backend owns are handed over in process: sent
/// invisible, held at once, deleted with the send receipt after their turn. They must be as durable as
/// received ones, and must not overtake what the same process queued before it owned the partition.
/// </summary>
public sealed class HandOverTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private QueueClient ControlQueue(AzureStorageOrchestrationBackend backend, string instanceId) =>
        new(azurite.ConnectionString, $"{backend.Options.TaskHubName.ToLowerInvariant()}-control-{backend.PartitionOf(instanceId):D2}");

    private static async Task WaitUntilHandOverAsync(AzureStorageOrchestrationBackend backend, string instanceId) =>
        await WaitUntilAsync(() => backend.CanHandOver(backend.PartitionOf(instanceId)), Patience);

    private static TaskMessage Event(string instanceId, string value) =>
        new(Guid.NewGuid().ToString("N"), instanceId, null, new EventRaisedEvent("E", $"\"{value}\""));

    [Fact]
    public async Task SendToOwnedPartition_HeldWithoutAReceive_InvisibleInTheQueue_DeletedAfterItsTurn()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        await WaitUntilHandOverAsync(backend, "h1");
        var queue = ControlQueue(backend, "h1");

        await backend.CreateInstanceAsync(StartMessage("h1"), TestContext.Current.CancellationToken);

        Assert.Equal(1, backend.HandOvers);
        Assert.Equal(1, (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync(32, TestContext.Current.CancellationToken)).Value);

        var item = await LockAsync(backend, Patience);
        var start = Assert.Single(item!.NewMessages);
        Assert.IsType<ExecutionStartedEvent>(start.Event);
        Assert.Equal(0, start.DequeueCount);
        await backend.CompleteOrchestrationWorkItemAsync(item, FirstTurn(item, DateTime.UtcNow), TestContext.Current.CancellationToken);

        Assert.Equal(0, (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task HandedOverMessage_ProcessKilledBeforeItsTurn_NextOwnerReceivesItAfterTheVisibilityTimeout()
    {
        var hub = NewHubName();
        var first = await StartBackendAsync(azurite.ConnectionString, hub, ShortVisibility);
        await WaitUntilHandOverAsync(first, "k1");
        await first.CreateInstanceAsync(StartMessage("k1"), TestContext.Current.CancellationToken);
        Assert.Equal(1, first.HandOvers);
        await first.SimulateProcessKillAsync();

        await using var second = await StartBackendAsync(azurite.ConnectionString, hub, o =>
        {
            ShortVisibility(o);
            o.WorkerId = "second";
        });
        var item = await LockAsync(second, Patience);
        Assert.NotNull(item);
        Assert.Equal("k1", item.InstanceId);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(item.NewMessages).Event);
        await second.CompleteOrchestrationWorkItemAsync(item, FirstTurn(item, DateTime.UtcNow), TestContext.Current.CancellationToken);

        Assert.Single((await second.GetHistoryAsync("k1", TestContext.Current.CancellationToken)).OfType<ExecutionStartedEvent>());
        await first.DisposeAsync();
    }

    [Fact]
    public async Task MessagesQueuedBeforeThePartitionWasOwned_AreNotOvertakenByLaterHandOvers()
    {
        var hub = NewHubName();
        await using var backend = await StartBackendAsync(azurite.ConnectionString, hub, start: false);
        await backend.CreateInstanceAsync(StartMessage("o1"), TestContext.Current.CancellationToken);
        await backend.SendMessageAsync(Event("o1", "a"), TestContext.Current.CancellationToken);
        await backend.SendMessageAsync(Event("o1", "b"), TestContext.Current.CancellationToken);
        Assert.Equal(0, backend.HandOvers);

        // Owned now, and more events at once: they go through the queue until its reader has drained the earlier ones.
        await backend.StartAsync();
        await WaitUntilAsync(() => backend.OwnedPartitions.Contains(backend.PartitionOf("o1")), Patience);
        foreach (var value in new[] { "c", "d", "e", "f" })
        {
            await backend.SendMessageAsync(Event("o1", value), TestContext.Current.CancellationToken);
        }

        await WaitUntilHandOverAsync(backend, "o1");
        await backend.SendMessageAsync(Event("o1", "g"), TestContext.Current.CancellationToken);
        Assert.True(backend.HandOvers >= 1);

        // A hand-over waits for the reader to hold everything queued before it, so the inbox has them all, in order.
        var item = await LockAsync(backend, Patience);
        var seen = item!.NewMessages.Select(m => m.Event).OfType<EventRaisedEvent>().Select(e => e.Input!.Trim('"')).ToList();
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], seen);
    }
}
