using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendLockingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LockNextOrchestrationWorkItem_CreatedInstance_DeliversStartMessageWithPendingState()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);

        var workItem = await harness.LockAsync();

        Assert.Equal("case-1", workItem.InstanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, workItem.State?.RuntimeStatus);
        Assert.Empty(workItem.History);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(workItem.NewMessages).Event);
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_Commit_WritesHistoryAndStateAndRemovesMessages()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        var workItem = await harness.LockAsync();

        await harness.Backend.CompleteOrchestrationWorkItemAsync(workItem, harness.Commit(workItem), Ct);

        var history = await harness.Backend.GetHistoryAsync("case-1", Ct);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(history));
        var state = await harness.Backend.GetInstanceAsync("case-1", fetchPayloads: true, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Running, state?.RuntimeStatus);
        Assert.Null(await harness.TryLockAsync());
        Assert.Equal(1, harness.Backend.Statistics.Commits);
    }

    [Fact]
    public async Task LockNextOrchestrationWorkItem_MessagesArriveWhileLocked_DeliveredInNextWorkItem()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        var first = await harness.LockAsync();

        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Forwarded"), Ct);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Responded"), Ct);
        Assert.Null(await harness.TryLockAsync());
        await harness.Backend.CompleteOrchestrationWorkItemAsync(first, harness.Commit(first), Ct);
        var second = await harness.LockAsync();

        Assert.Single(first.NewMessages);
        Assert.Equal(["event:case-1:Forwarded", "event:case-1:Responded"], second.NewMessages.Select(m => m.MessageId));
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(second.History));
    }

    [Fact]
    public async Task LockNextOrchestrationWorkItem_WaitingLocker_WakesWhenMessageArrives()
    {
        await using var harness = new BackendHarness();
        var waiting = harness.LockAsync();
        Assert.False(waiting.IsCompleted);

        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);

        Assert.Equal("case-1", (await waiting).InstanceId);
    }

    [Fact]
    public async Task LockNextOrchestrationWorkItem_TwoReadyInstances_RoundRobin()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("a"), Ct);
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("b"), Ct);

        var first = await harness.LockAsync();
        await harness.Backend.SendMessageAsync(BackendHarness.Event("a", "Note"), Ct);
        await harness.Backend.CompleteOrchestrationWorkItemAsync(first, harness.Commit(first), Ct);
        var second = await harness.LockAsync();
        var third = await harness.LockAsync();

        Assert.Equal(["a", "b", "a"], new[] { first.InstanceId, second.InstanceId, third.InstanceId });
    }

    [Fact]
    public async Task LockNextOrchestrationWorkItem_ConcurrentLockers_NeverShareAnInstance()
    {
        const int instanceCount = 40;
        const int workerCount = 4;
        const int eventsPerInstance = 5;
        await using var harness = new BackendHarness();
        var held = new int[instanceCount];
        int overlaps = 0;
        int processed = 0;
        for (int i = 0; i < instanceCount; i++)
        {
            await harness.Backend.CreateInstanceAsync(BackendHarness.Start($"i{i:D2}"), Ct);
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        done.CancelAfter(TimeSpan.FromSeconds(20));
        var senders = Task.Run(async () =>
        {
            for (int e = 0; e < eventsPerInstance; e++)
            {
                for (int i = 0; i < instanceCount; i++)
                {
                    await harness.Backend.SendMessageAsync(BackendHarness.Event($"i{i:D2}", $"e{e}"), Ct);
                }
            }
        }, Ct);
        var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(async () =>
        {
            while (await harness.Backend.LockNextOrchestrationWorkItemAsync(done.Token) is { } workItem)
            {
                int index = int.Parse(workItem.InstanceId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
                if (Interlocked.Exchange(ref held[index], 1) != 0)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Yield();
                Volatile.Write(ref held[index], 0);
                await harness.Backend.CompleteOrchestrationWorkItemAsync(workItem, harness.Commit(workItem), Ct);
                if (Interlocked.Add(ref processed, workItem.NewMessages.Count) == instanceCount * (eventsPerInstance + 1))
                {
                    await done.CancelAsync();
                }
            }
        }, Ct)).ToArray();

        await senders;
        await Task.WhenAll(workers);

        Assert.Equal(0, overlaps);
        Assert.Equal(instanceCount * (eventsPerInstance + 1), processed);
        for (int i = 0; i < instanceCount; i++)
        {
            Assert.Equal(eventsPerInstance + 1, (await harness.Backend.GetHistoryAsync($"i{i:D2}", Ct)).Count);
        }
    }

    [Fact]
    public async Task AbandonOrchestrationWorkItem_WithoutFailure_RedeliversWithoutCounting()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        var first = await harness.LockAsync();

        await harness.Backend.AbandonOrchestrationWorkItemAsync(first, failure: null, Ct);
        var second = await harness.LockAsync();

        Assert.Equal(0, Assert.Single(second.NewMessages).DequeueCount);
    }

    [Fact]
    public async Task StopAsync_PendingLocker_ReturnsNull()
    {
        await using var harness = new BackendHarness();
        var orchestration = harness.Backend.LockNextOrchestrationWorkItemAsync(CancellationToken.None);
        var activity = harness.Backend.LockNextActivityWorkItemAsync(CancellationToken.None);

        await harness.Backend.StopAsync(Ct);

        Assert.Null(await orchestration);
        Assert.Null(await activity);
    }

    [Fact]
    public async Task SendMessage_InstanceDoesNotExist_KeptUntilStartArrives()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Note"), Ct);
        Assert.Null(await harness.TryLockAsync());

        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        var workItem = await harness.LockAsync();

        Assert.Equal(["event:case-1:Note", "start:case-1:exec-1"], workItem.NewMessages.Select(m => m.MessageId));
    }

    [Fact]
    public async Task SendMessage_DelayedStartNotDue_KeptUntilStartIsDelivered()
    {
        await using var harness = new BackendHarness();
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1", deliverAt: harness.Now.AddHours(1)), Ct);

        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Note"), Ct);

        Assert.Null(await harness.TryLockAsync());
        harness.Time.Advance(TimeSpan.FromHours(1));
        var workItem = await harness.LockAsync();
        Assert.Equal(["event:case-1:Note", "start:case-1:exec-1"], workItem.NewMessages.Select(m => m.MessageId));
    }
}
