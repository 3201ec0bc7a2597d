using Workflow.Durable.Backend;
using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendCrashTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FaultPoint.OrchestrationLocked)]
    [InlineData(FaultPoint.BeforeCommit)]
    [InlineData(FaultPoint.AfterCommit)]
    [InlineData(FaultPoint.AfterMessagesSent)]
    public async Task CompleteOrchestrationWorkItem_CrashAtStep_MessagesRedeliveredAfterLockTimeout(FaultPoint point)
    {
        await using var harness = new BackendHarness(new CrashAt(point));
        await harness.CreateWithEventAsync("case-1");

        await CrashFirstTurnAsync(harness);

        Assert.Null(await harness.TryLockAsync());
        harness.Time.Advance(BackendHarness.LockTimeout - Tick);
        Assert.Null(await harness.TryLockAsync());
        harness.Time.Advance(Tick);
        var retry = await harness.LockAsync();
        Assert.Equal(["start:case-1:exec-1", "event:case-1:Note"], retry.NewMessages.Select(m => m.MessageId));
        Assert.All(retry.NewMessages, message => Assert.Equal(1, message.DequeueCount));
    }

    [Theory]
    [InlineData(FaultPoint.BeforeCommit, 0)]
    [InlineData(FaultPoint.AfterCommit, 2)]
    [InlineData(FaultPoint.AfterMessagesSent, 2)]
    [InlineData(FaultPoint.AfterMessagesDeleted, 2)]
    public async Task CompleteOrchestrationWorkItem_CrashAtStep_KeepsWhatWasDurable(FaultPoint point, int historyCount)
    {
        await using var harness = new BackendHarness(new CrashAt(point));
        await harness.CreateWithEventAsync("case-1");

        await CrashFirstTurnAsync(harness);

        Assert.Equal(historyCount, (await harness.Backend.GetHistoryAsync("case-1", Ct)).Count);
        if (point >= FaultPoint.AfterMessagesSent)
        {
            Assert.Equal("activity:case-1:1", (await harness.LockActivityAsync()).Message.MessageId);
        }
        else
        {
            Assert.Null(await harness.TryLockActivityAsync());
        }
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_CrashAfterMessagesDeleted_LockReleasedAfterTimeout()
    {
        await using var harness = new BackendHarness(new CrashAt(FaultPoint.AfterMessagesDeleted));
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        await CrashFirstTurnAsync(harness);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Late"), Ct);

        Assert.Null(await harness.TryLockAsync());
        harness.Time.Advance(BackendHarness.LockTimeout);
        var next = await harness.LockAsync();

        Assert.Equal("event:case-1:Late", Assert.Single(next.NewMessages).MessageId);
        Assert.Equal(0, next.NewMessages[0].DequeueCount);
    }

    [Theory]
    [InlineData(FaultPoint.BeforeCommit)]
    [InlineData(FaultPoint.AfterCommit)]
    [InlineData(FaultPoint.AfterMessagesSent)]
    [InlineData(FaultPoint.AfterMessagesDeleted)]
    public async Task CompleteOrchestrationWorkItem_StaleWorkItemAfterLockRetaken_ThrowsAndCommitsNothing(FaultPoint point)
    {
        await using var harness = new BackendHarness(new CrashAt(point));
        await harness.CreateWithEventAsync("case-1");
        var stale = await CrashFirstTurnAsync(harness);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Late"), Ct);
        harness.Time.Advance(BackendHarness.LockTimeout);
        var current = await harness.LockAsync();
        var historyBefore = await harness.Backend.GetHistoryAsync("case-1", Ct);

        var staleCommit = harness.Commit(stale!);
        await Assert.ThrowsAsync<InstanceLockLostException>(
            () => harness.Backend.CompleteOrchestrationWorkItemAsync(stale!, staleCommit, Ct));

        Assert.Equal(historyBefore, await harness.Backend.GetHistoryAsync("case-1", Ct));
        await harness.Backend.CompleteOrchestrationWorkItemAsync(current, harness.Commit(current), Ct);
        Assert.Equal(historyBefore.Count + current.NewMessages.Count, (await harness.Backend.GetHistoryAsync("case-1", Ct)).Count);
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_SlowWorkerLockExpired_ThrowsInstanceLockLost()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        var slow = await harness.LockAsync();

        harness.Time.Advance(BackendHarness.LockTimeout);
        var other = await harness.LockAsync();

        await Assert.ThrowsAsync<InstanceLockLostException>(
            () => harness.Backend.CompleteOrchestrationWorkItemAsync(slow, harness.Commit(slow), Ct));
        Assert.Equal(slow.InstanceId, other.InstanceId);
        Assert.Empty(await harness.Backend.GetHistoryAsync("case-1", Ct));
    }

    [Theory]
    [InlineData(FaultPoint.ActivityLocked, false)]
    [InlineData(FaultPoint.ActivityExecuted, false)]
    [InlineData(FaultPoint.ActivityResultSent, true)]
    public async Task CompleteActivityWorkItem_CrashAtStep_RequestRedeliveredAfterLockTimeout(FaultPoint point, bool resultSent)
    {
        await using var harness = new BackendHarness(new CrashAt(point));
        await harness.StartRunningAsync("case-1");
        var turn = await SendActivityAsync(harness);

        await Assert.ThrowsAsync<SimulatedCrashException>(async () =>
        {
            var workItem = await harness.LockActivityAsync();
            await harness.Backend.CompleteActivityWorkItemAsync(workItem, BackendHarness.ActivityResult("case-1", 1), Ct);
        });

        if (resultSent)
        {
            Assert.Equal("result:case-1:1", Assert.Single((await harness.LockAsync()).NewMessages).MessageId);
        }
        else
        {
            Assert.Null(await harness.TryLockAsync());
        }

        Assert.Null(await harness.TryLockActivityAsync());
        harness.Time.Advance(BackendHarness.ActivityLockTimeout);
        var retry = await harness.LockActivityAsync();
        Assert.Equal(turn.MessageId, retry.Message.MessageId);
        Assert.Equal(1, retry.Message.DequeueCount);
    }

    /// <summary>Locks and completes one turn (which schedules an activity) under a crashing fault injector.</summary>
    private static async Task<OrchestrationWorkItem?> CrashFirstTurnAsync(BackendHarness harness)
    {
        OrchestrationWorkItem? workItem = null;
        await Assert.ThrowsAsync<SimulatedCrashException>(async () =>
        {
            workItem = await harness.LockAsync();
            var commit = harness.Commit(workItem, activities: [BackendHarness.Activity("case-1", 1)]);
            await harness.Backend.CompleteOrchestrationWorkItemAsync(workItem, commit, Ct);
        });
        return workItem;
    }

    private static async Task<TaskMessage> SendActivityAsync(BackendHarness harness)
    {
        var activity = BackendHarness.Activity("case-1", 1);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Go"), Ct);
        var workItem = await harness.LockAsync();
        await harness.Backend.CompleteOrchestrationWorkItemAsync(workItem, harness.Commit(workItem, activities: [activity]), Ct);
        return activity;
    }
}
