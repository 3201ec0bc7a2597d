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
    public async Task LastTurn_CrashAfterHistoryCommitBeforeInstanceRow_NextLoadRepairsTheRow()
    {
        var crash = new CrashOnce(FaultPoint.AfterCommit, armed: false);
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o =>
        {
            ShortVisibility(o);
            o.FaultInjector = crash;
        });
        await backend.CreateInstanceAsync(StartMessage("r1"), TestContext.Current.CancellationToken);
        var first = await LockAsync(backend, Wait);
        await backend.CompleteOrchestrationWorkItemAsync(first!, FirstTurn(first!, DateTime.UtcNow), TestContext.Current.CancellationToken);
        var activity = await LockActivityAsync(backend, Wait);
        await backend.CompleteActivityWorkItemAsync(activity!, ActivityResult(activity!, "7"), TestContext.Current.CancellationToken);
        var last = await LockAsync(backend, Wait);
        while (!last!.NewMessages.Any(m => m.Event is TaskCompletedEvent))
        {
            // A slow machine can let a message's visibility run out: a redelivered start is a duplicate.
            await backend.CompleteOrchestrationWorkItemAsync(last, new OrchestrationCommit { NewEvents = [], State = last.State! }, TestContext.Current.CancellationToken);
            last = await LockAsync(backend, Wait);
        }

        // The last turn sends nothing; the process dies between the history commit and the instance row.
        crash.Arm();
        await Assert.ThrowsAsync<SimulatedCrashException>(() => backend.CompleteOrchestrationWorkItemAsync(last!, FinalTurn(last!, DateTime.UtcNow, "\"done\""), TestContext.Current.CancellationToken));
        Assert.Single((await backend.GetHistoryAsync("r1", TestContext.Current.CancellationToken)).OfType<ExecutionCompletedEvent>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await backend.GetInstanceAsync("r1", false, TestContext.Current.CancellationToken))!.RuntimeStatus);

        // The result message comes back; loading the instance for it repairs the row before the turn runs.
        var again = await LockAsync(backend, Wait);
        Assert.NotNull(again);
        var repaired = await backend.GetInstanceAsync("r1", true, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, repaired!.RuntimeStatus);
        Assert.Equal("\"done\"", repaired.Output);
        Assert.Contains(again.NewMessages, m => m.MessageId == "r1:result:0");
        Assert.All(again.NewMessages, m => Assert.Contains(again.History, h => h.MessageId == m.MessageId));
        await backend.CompleteOrchestrationWorkItemAsync(again, new OrchestrationCommit { NewEvents = [], State = again.State! }, TestContext.Current.CancellationToken);
        Assert.Single((await backend.GetHistoryAsync("r1", TestContext.Current.CancellationToken)).OfType<ExecutionCompletedEvent>());
    }
}
