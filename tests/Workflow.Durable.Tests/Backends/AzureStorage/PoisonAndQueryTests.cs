using Azure.Storage.Queues;
using Workflow.Durable.Backend;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class PoisonAndQueryTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AbandonOrchestrationWorkItem_KeepsFailing_MovedToPoisonWithoutBlockingOthers()
    {
        var hub = NewHubName();
        await using var backend = await StartBackendAsync(azurite.ConnectionString, hub, o => o.MaxDequeueCount = 2);
        await backend.CreateInstanceAsync(StartMessage("bad"), TestContext.Current.CancellationToken);

        var attempts = 0;
        while (await LockAsync(backend, TimeSpan.FromSeconds(3)) is { } item)
        {
            Assert.Equal("bad", item.InstanceId);
            attempts++;
            await backend.AbandonOrchestrationWorkItemAsync(item, new InvalidOperationException("boom"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, attempts);
        var poison = new QueueClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-poison");
        var peeked = (await poison.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value;
        var record = Assert.Single(peeked);
        Assert.Contains("boom", record.MessageText, StringComparison.Ordinal);

        // The partition is not blocked: another instance proceeds.
        await backend.CreateInstanceAsync(StartMessage("good"), TestContext.Current.CancellationToken);
        var good = await LockAsync(backend, Wait);
        Assert.Equal("good", good!.InstanceId);
    }

    [Fact]
    public async Task QueryInstances_PagesAndFilters_ReturnsEveryMatchOnce()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), start: false);
        for (var i = 0; i < 5; i++)
        {
            await backend.CreateInstanceAsync(StartMessage($"q-{i}"), TestContext.Current.CancellationToken);
        }

        await backend.CreateInstanceAsync(StartMessage("other"), TestContext.Current.CancellationToken);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await backend.QueryInstancesAsync(new InstanceQuery { InstanceIdPrefix = "q-", PageSize = 2, ContinuationToken = token }, TestContext.Current.CancellationToken);
            Assert.True(page.Instances.Count <= 2);
            seen.AddRange(page.Instances.Select(s => s.InstanceId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["q-0", "q-1", "q-2", "q-3", "q-4"], seen.Order());
        var pending = await backend.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Pending], Name = "Orchestrator" }, TestContext.Current.CancellationToken);
        Assert.Equal(6, pending.Instances.Count);
        var running = await backend.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Running] }, TestContext.Current.CancellationToken);
        Assert.Empty(running.Instances);
    }

    [Fact]
    public async Task PurgeInstances_TerminalOnly_RemovesThem()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("p1"), TestContext.Current.CancellationToken);
        await backend.CreateInstanceAsync(StartMessage("p2"), TestContext.Current.CancellationToken);
        for (var done = 0; done < 2;)
        {
            var item = await LockAsync(backend, Wait);
            if (item!.InstanceId == "p1")
            {
                var started = item.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();
                await backend.CompleteOrchestrationWorkItemAsync(item, new OrchestrationCommit
                {
                    NewExecution = true,
                    NewEvents = [started, new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, "1")],
                    State = State("p1", OrchestrationRuntimeStatus.Completed, now, output: "1"),
                }, TestContext.Current.CancellationToken);
            }
            else
            {
                await backend.CompleteOrchestrationWorkItemAsync(item, FirstTurn(item, now), TestContext.Current.CancellationToken);
            }

            done++;
        }

        Assert.Equal(0, (await backend.PurgeInstanceAsync("p2", TestContext.Current.CancellationToken)).PurgedInstanceCount);
        Assert.Equal(1, (await backend.PurgeInstancesAsync(new PurgeInstancesFilter(), TestContext.Current.CancellationToken)).PurgedInstanceCount);
        Assert.Null(await backend.GetInstanceAsync("p1", false, TestContext.Current.CancellationToken));
        Assert.Empty(await backend.GetHistoryAsync("p1", TestContext.Current.CancellationToken));
        Assert.NotNull(await backend.GetInstanceAsync("p2", false, TestContext.Current.CancellationToken));
    }
}
