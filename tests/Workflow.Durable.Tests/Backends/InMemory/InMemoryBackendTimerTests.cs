using System.Diagnostics;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendTimerTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(30 * 24 * 60)]
    public async Task TimerMessage_FakeClock_DeliveredAtDueTimeNeverEarlier(int minutes)
    {
        await using var harness = new BackendHarness();
        var delay = TimeSpan.FromMinutes(minutes);
        var timer = BackendHarness.Timer("case-1", 1, harness.Now + delay);
        await harness.StartRunningAsync("case-1", timers: [timer]);

        harness.Time.Advance(delay - Tick);
        Assert.Null(await harness.TryLockAsync());
        harness.Time.Advance(Tick);
        var workItem = await harness.LockAsync();

        Assert.Equal(timer.MessageId, Assert.Single(workItem.NewMessages).MessageId);
        Assert.Equal(1, harness.Backend.Statistics.TimersFired);
    }

    [Fact]
    public async Task TimerMessage_TenThousandTimers_DeliveredInDueOrderQuickly()
    {
        const int count = 10_000;
        await using var harness = new BackendHarness();
        var random = new Random(42);
        var start = harness.Now;
        var timers = Enumerable.Range(1, count)
            .Select(id => BackendHarness.Timer("case-1", id, start + TimeSpan.FromSeconds(random.Next(1, 30 * 24 * 3600))))
            .ToList();
        var watch = Stopwatch.StartNew();
        await harness.StartRunningAsync("case-1", timers: timers);

        harness.Time.Advance(TimeSpan.FromDays(15));
        var firstHalf = await harness.LockAsync();
        await harness.Backend.CompleteOrchestrationWorkItemAsync(firstHalf, harness.Commit(firstHalf), Ct);
        harness.Time.Advance(TimeSpan.FromDays(15));
        var secondHalf = await harness.LockAsync();
        watch.Stop();

        var delivered = firstHalf.NewMessages.Concat(secondHalf.NewMessages).Select(m => m.DeliverAt!.Value).ToList();
        Assert.Equal(count, delivered.Count);
        Assert.Equal(delivered.Order(), delivered);
        Assert.All(firstHalf.NewMessages, m => Assert.True(m.DeliverAt <= start + TimeSpan.FromDays(15)));
        Assert.All(secondHalf.NewMessages, m => Assert.True(m.DeliverAt > start + TimeSpan.FromDays(15)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"10,000 timers took {watch.Elapsed}.");
    }

    [Fact]
    public async Task TimerMessage_Cancelled_NeverDelivered()
    {
        await using var harness = new BackendHarness();
        var fireAt = harness.Now.AddHours(1);
        await harness.StartRunningAsync("case-1", timers: [BackendHarness.Timer("case-1", 1, fireAt), BackendHarness.Timer("case-1", 2, fireAt)]);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Responded"), Ct);
        var turn = await harness.LockAsync();
        await harness.Backend.CompleteOrchestrationWorkItemAsync(turn, harness.Commit(turn, cancelledTimers: [1]), Ct);

        harness.Time.Advance(TimeSpan.FromHours(2));
        var workItem = await harness.LockAsync();

        Assert.Equal(2, Assert.IsType<TimerFiredEvent>(Assert.Single(workItem.NewMessages).Event).TimerId);
    }

    [Fact]
    public async Task TimerMessage_InstanceReachesTerminalState_PendingTimersDropped()
    {
        await using var harness = new BackendHarness();
        await harness.StartRunningAsync("case-1", timers: [BackendHarness.Timer("case-1", 1, harness.Now.AddHours(1))]);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Closed"), Ct);
        var turn = await harness.LockAsync();
        await harness.Backend.CompleteOrchestrationWorkItemAsync(turn, harness.Commit(turn, OrchestrationRuntimeStatus.Completed), Ct);

        harness.Time.Advance(TimeSpan.FromHours(2));

        Assert.Null(await harness.TryLockAsync());
        Assert.Equal(0, harness.Backend.Statistics.TimersFired);
    }

    [Fact]
    public async Task TimerMessage_SentTwiceByRetriedTurn_DeliveredOnce()
    {
        await using var harness = new BackendHarness();
        var timer = BackendHarness.Timer("case-1", 1, harness.Now.AddMinutes(5));
        await harness.StartRunningAsync("case-1", timers: [timer]);
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Note"), Ct);
        var turn = await harness.LockAsync();
        await harness.Backend.CompleteOrchestrationWorkItemAsync(turn, harness.Commit(turn, timers: [timer]), Ct);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var workItem = await harness.LockAsync();

        Assert.Single(workItem.NewMessages);
    }

    [Fact]
    public async Task CreateInstance_DelayedStart_DeliveredAtScheduledTime()
    {
        await using var harness = new BackendHarness();
        var startAt = harness.Now.AddDays(2);

        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1", deliverAt: startAt), Ct);

        var state = await harness.Backend.GetInstanceAsync("case-1", fetchPayloads: false, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, state?.RuntimeStatus);
        Assert.Equal(startAt, state?.ScheduledStartTime);
        harness.Time.Advance(TimeSpan.FromDays(2) - Tick);
        Assert.Null(await harness.TryLockAsync());
        harness.Time.Advance(Tick);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single((await harness.LockAsync()).NewMessages).Event);
    }

    [Fact]
    public async Task TimerMessage_SystemClock_FiresAtOrAfterDueTime()
    {
        await using var backend = new InMemoryOrchestrationBackend();
        await backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var first = await backend.LockNextOrchestrationWorkItemAsync(timeout.Token);
        var fireAt = backend.TimeProvider.GetUtcNow().UtcDateTime.AddMilliseconds(100);
        await backend.CompleteOrchestrationWorkItemAsync(first!, new OrchestrationCommit
        {
            NewEvents = [first!.NewMessages[0].Event],
            State = first.State! with { RuntimeStatus = OrchestrationRuntimeStatus.Running },
            TimerMessages = [BackendHarness.Timer("case-1", 1, fireAt)],
        }, Ct);

        var fired = await backend.LockNextOrchestrationWorkItemAsync(timeout.Token);
        var receivedAt = backend.TimeProvider.GetUtcNow().UtcDateTime;

        Assert.NotNull(fired);
        Assert.True(receivedAt >= fireAt, $"Delivered {(fireAt - receivedAt).TotalMilliseconds} ms early.");
    }
}
