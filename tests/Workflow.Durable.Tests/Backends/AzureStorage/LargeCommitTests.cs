using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class LargeCommitTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // Events of this input size fill an event row each, so a turn of many needs many rows.
    private const int RowSizedInput = 9 * 1024;

    private static OrchestrationCommit FanOut(OrchestrationWorkItem item, int count, DateTime now, int inputSize = 0)
    {
        var started = item.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();
        string Input(int i) => "\"" + i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(inputSize, 'x') + "\"";
        var scheduled = Enumerable.Range(0, count).Select(i => new TaskScheduledEvent("Activity", Input(i)) { EventId = i, Timestamp = now }).ToList();
        return new OrchestrationCommit
        {
            NewExecution = true,
            NewEvents = [started, new OrchestratorStartedEvent { Timestamp = now }, .. scheduled, new OrchestratorCompletedEvent { Timestamp = now }],
            State = State(item.InstanceId, OrchestrationRuntimeStatus.Running, now),
            ActivityMessages = [.. scheduled.Select(s => new TaskMessage($"{item.InstanceId}:task:{s.EventId}", item.InstanceId, "e1", s))],
        };
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_250Events_SplitIntoTransactionsOfAtMost100()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        await backend.CreateInstanceAsync(StartMessage("big"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Wait);
        var before = backend.Statistics[StorageOperation.TableTransaction];

        await backend.CompleteOrchestrationWorkItemAsync(item!, FanOut(item!, 247, DateTime.UtcNow, RowSizedInput), TestContext.Current.CancellationToken);

        Assert.True(backend.Statistics.LargestTransaction <= 100);
        Assert.True(backend.Statistics[StorageOperation.TableTransaction] - before >= 3);
        var history = await backend.GetHistoryAsync("big", TestContext.Current.CancellationToken);
        Assert.Equal(250, history.Count);
        Assert.Equal(Enumerable.Range(0, 247), history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_ManySmallEvents_PackedIntoFewRowsOfOneTransaction()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        await backend.CreateInstanceAsync(StartMessage("packed"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Wait);
        var before = backend.Statistics[StorageOperation.TableTransaction];

        await backend.CompleteOrchestrationWorkItemAsync(item!, FanOut(item!, 247, DateTime.UtcNow), TestContext.Current.CancellationToken);

        Assert.Equal(1, backend.Statistics[StorageOperation.TableTransaction] - before);
        Assert.InRange(backend.Statistics.LargestTransaction, 2, 6);
        var history = await backend.GetHistoryAsync("packed", TestContext.Current.CancellationToken);
        Assert.Equal(250, history.Count);
        Assert.Equal(Enumerable.Range(0, 247), history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_CrashBetweenParts_NothingVisibleAndRetrySucceeds()
    {
        var crash = new CrashOnce(FaultPoint.CommitPartlyWritten);
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o =>
        {
            ShortVisibility(o);
            o.FaultInjector = crash;
        });
        await backend.CreateInstanceAsync(StartMessage("part"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Wait);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => backend.CompleteOrchestrationWorkItemAsync(item!, FanOut(item!, 200, DateTime.UtcNow, RowSizedInput), TestContext.Current.CancellationToken));
        Assert.Empty(await backend.GetHistoryAsync("part", TestContext.Current.CancellationToken));

        // The retry packs its (smaller) events differently, so the first part's rows lie off the committed walk.
        var again = await LockAsync(backend, Wait);
        Assert.NotNull(again);
        Assert.Empty(again.History);
        await backend.CompleteOrchestrationWorkItemAsync(again, FanOut(again, 200, DateTime.UtcNow), TestContext.Current.CancellationToken);
        var history = await backend.GetHistoryAsync("part", TestContext.Current.CancellationToken);
        Assert.Equal(203, history.Count);
        Assert.Equal(Enumerable.Range(0, 200), history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
        Assert.All(history.OfType<TaskScheduledEvent>(), e => Assert.True(e.Input!.Length < 10));
    }

    [Fact]
    public async Task Payload_TwoMegabytes_RoundTripsThroughBlobsAndPurgeRemovesThem()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        var large = "\"" + new string('x', 2 * 1024 * 1024) + "\"";
        await backend.CreateInstanceAsync(StartMessage("large", large), TestContext.Current.CancellationToken);
        Assert.Equal(large, (await backend.GetInstanceAsync("large", true, TestContext.Current.CancellationToken))!.Input);

        var item = await LockAsync(backend, Wait);
        var started = Assert.IsType<ExecutionStartedEvent>(Assert.Single(item!.NewMessages).Event);
        Assert.Equal(large, started.Input);
        await backend.CompleteOrchestrationWorkItemAsync(item, FirstTurn(item, DateTime.UtcNow, activityInput: large), TestContext.Current.CancellationToken);

        var activity = await LockActivityAsync(backend, Wait);
        Assert.Equal(large, activity!.Scheduled.Input);
        await backend.CompleteActivityWorkItemAsync(activity, ActivityResult(activity, large), TestContext.Current.CancellationToken);
        var second = await LockAsync(backend, Wait);
        Assert.Equal(large, Assert.IsType<TaskCompletedEvent>(Assert.Single(second!.NewMessages).Event).Result);
        Assert.Equal(large, second.History.OfType<TaskScheduledEvent>().Single().Input);
        await backend.CompleteOrchestrationWorkItemAsync(second, FinalTurn(second, DateTime.UtcNow, large), TestContext.Current.CancellationToken);

        var state = await backend.GetInstanceAsync("large", true, TestContext.Current.CancellationToken);
        Assert.Equal(large, state!.Output);
        Assert.Equal(large, (await backend.GetHistoryAsync("large", TestContext.Current.CancellationToken)).OfType<TaskCompletedEvent>().Single().Result);

        var purged = await backend.PurgeInstanceAsync("large", TestContext.Current.CancellationToken);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await backend.GetInstanceAsync("large", false, TestContext.Current.CancellationToken));
        Assert.Empty(await backend.GetHistoryAsync("large", TestContext.Current.CancellationToken));
        Assert.Equal(0, await backend.CountBlobsAsync("large", TestContext.Current.CancellationToken));
    }
}
