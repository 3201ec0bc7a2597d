using Workflow.Durable.Backend;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class CrashRecoveryTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(FaultPoint.OrchestrationLocked)]
    [InlineData(FaultPoint.BeforeCommit)]
    [InlineData(FaultPoint.AfterCommit)]
    [InlineData(FaultPoint.AfterMessagesSent)]
    [InlineData(FaultPoint.AfterMessagesDeleted)]
    public async Task CompleteOrchestrationWorkItem_CrashAtPoint_TurnCommittedOnceAndActivitySent(FaultPoint point)
    {
        var crash = new CrashOnce(point);
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o =>
        {
            ShortVisibility(o);
            o.FaultInjector = crash;
        });
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("i1"), TestContext.Current.CancellationToken);

        var committedTurns = 0;
        while (true)
        {
            OrchestrationWorkItem? item;
            try
            {
                item = await LockAsync(backend, Wait);
            }
            catch (SimulatedCrashException ex) when (ex.Point == FaultPoint.OrchestrationLocked)
            {
                continue;
            }

            Assert.NotNull(item);
            if (item.History.Count > 0)
            {
                // A redelivered start after the turn was committed: the worker discards it as a duplicate.
                Assert.Contains(item.NewMessages, m => item.History.Any(h => h.MessageId == m.MessageId));
                await backend.CompleteOrchestrationWorkItemAsync(item, new OrchestrationCommit { NewEvents = [], State = item.State! }, TestContext.Current.CancellationToken);
                break;
            }

            try
            {
                await backend.CompleteOrchestrationWorkItemAsync(item, FirstTurn(item, now), TestContext.Current.CancellationToken);
                committedTurns++;
                break;
            }
            catch (SimulatedCrashException ex) when (ex.Point == point)
            {
                if (point is FaultPoint.AfterCommit or FaultPoint.AfterMessagesSent or FaultPoint.AfterMessagesDeleted)
                {
                    committedTurns++;
                }

                if (point is FaultPoint.AfterMessagesDeleted)
                {
                    break;
                }
            }
            catch (SimulatedCrashException)
            {
                throw;
            }
        }

        Assert.True(crash.Fired);
        Assert.Equal(1, committedTurns);
        Assert.Equal(4, (await backend.GetHistoryAsync("i1", TestContext.Current.CancellationToken)).Count);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await backend.GetInstanceAsync("i1", false, TestContext.Current.CancellationToken))!.RuntimeStatus);

        // The activity request is sent at least once, whatever the crash point.
        var activity = await LockActivityAsync(backend, Wait);
        Assert.NotNull(activity);
        Assert.Equal("Activity", activity.Scheduled.Name);
    }

    [Theory]
    [InlineData(FaultPoint.ActivityLocked)]
    [InlineData(FaultPoint.ActivityExecuted)]
    [InlineData(FaultPoint.ActivityResultSent)]
    public async Task CompleteActivityWorkItem_CrashAtPoint_RequestRedelivered(FaultPoint point)
    {
        var crash = new CrashOnce(point);
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o =>
        {
            ShortVisibility(o);
            o.FaultInjector = crash;
        });
        var now = DateTime.UtcNow;
        await backend.CreateInstanceAsync(StartMessage("a"), TestContext.Current.CancellationToken);
        var first = await LockAsync(backend, Wait);
        await backend.CompleteOrchestrationWorkItemAsync(first!, FirstTurn(first!, now), TestContext.Current.CancellationToken);

        var results = 0;
        for (var attempt = 0; attempt < 2 && results == 0; attempt++)
        {
            try
            {
                var activity = await LockActivityAsync(backend, Wait);
                Assert.NotNull(activity);
                await backend.CompleteActivityWorkItemAsync(activity, ActivityResult(activity, "7"), TestContext.Current.CancellationToken);
                results++;
            }
            catch (SimulatedCrashException)
            {
                // The process "died"; the request reappears after its visibility timeout.
            }
        }

        Assert.True(crash.Fired);
        var item = await LockAsync(backend, Wait);
        Assert.NotNull(item);
        Assert.All(item.NewMessages, m => Assert.IsType<TaskCompletedEvent>(m.Event));
        Assert.Single(item.NewMessages.Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task LastTurn_CrashAfterHistoryCommitBeforeInstanceRow_NextOwnerRepairsTheRow()
    {
        var hub = NewHubName();
        var crash = new CrashOnce(FaultPoint.AfterCommit, armed: false);
        var first = await StartBackendAsync(azurite.ConnectionString, hub, o =>
        {
            ShortVisibility(o);
            o.WorkerId = "first";
            o.FaultInjector = crash;
        });
        await first.CreateInstanceAsync(StartMessage("r1"), TestContext.Current.CancellationToken);
        var turn = await LockAsync(first, Wait);
        await first.CompleteOrchestrationWorkItemAsync(turn!, FirstTurn(turn!, DateTime.UtcNow), TestContext.Current.CancellationToken);
        var activity = await LockActivityAsync(first, Wait);
        await first.CompleteActivityWorkItemAsync(activity!, ActivityResult(activity!, "7"), TestContext.Current.CancellationToken);
        var last = await LockAsync(first, Wait);
        while (!last!.NewMessages.Any(m => m.Event is TaskCompletedEvent))
        {
            // A slow machine can let a message's visibility run out: a redelivered start is a duplicate.
            await first.CompleteOrchestrationWorkItemAsync(last, new OrchestrationCommit { NewEvents = [], State = last.State! }, TestContext.Current.CancellationToken);
            last = await LockAsync(first, Wait);
        }

        // The last turn sends nothing; the process dies between the history commit and the instance row.
        crash.Arm();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => first.CompleteOrchestrationWorkItemAsync(last, FinalTurn(last, DateTime.UtcNow, "\"done\""), TestContext.Current.CancellationToken));
        await first.SimulateProcessKillAsync();
        Assert.Single((await first.GetHistoryAsync("r1", TestContext.Current.CancellationToken)).OfType<ExecutionCompletedEvent>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await first.GetInstanceAsync("r1", false, TestContext.Current.CancellationToken))!.RuntimeStatus);

        // The next owner loads the instance (for its redelivered message or its activity marker) and repairs the row.
        await using var second = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "second");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        OrchestrationState? repaired;
        while ((repaired = await second.GetInstanceAsync("r1", true, TestContext.Current.CancellationToken))!.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, "the instance row was never repaired");
            if (await LockAsync(second, TimeSpan.FromMilliseconds(200)) is { } again)
            {
                // The redelivered result: the history has it already, so the turn changes nothing.
                await second.CompleteOrchestrationWorkItemAsync(again, new OrchestrationCommit { NewEvents = [], State = again.State! }, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal("\"done\"", repaired.Output);
        Assert.Single((await second.GetHistoryAsync("r1", TestContext.Current.CancellationToken)).OfType<ExecutionCompletedEvent>());
    }
}
