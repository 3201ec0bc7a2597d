using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.Backend;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class TimerTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(800);

    private static OrchestrationCommit TimerTurn(OrchestrationWorkItem item, DateTime now, DateTime fireAt, int timerId = 0)
    {
        var started = item.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();
        var messageId = $"{item.InstanceId}:timer:{timerId}";
        return new OrchestrationCommit
        {
            NewExecution = true,
            NewEvents = [started, new OrchestratorStartedEvent { Timestamp = now }, new TimerCreatedEvent(fireAt) { EventId = timerId, Timestamp = now }, new OrchestratorCompletedEvent { Timestamp = now }],
            State = State(item.InstanceId, OrchestrationRuntimeStatus.Running, now),
            TimerMessages = [new TaskMessage(messageId, item.InstanceId, "e1", new TimerFiredEvent(timerId, fireAt) { MessageId = messageId }, fireAt)],
        };
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30 * 24 * 60 * 60)]
    public async Task TimerMessage_FakeTime_NeverDeliveredEarly(int seconds)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.TimeProvider = clock);
        await backend.CreateInstanceAsync(StartMessage("t1"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Wait);
        var fireAt = clock.GetUtcNow().UtcDateTime.AddSeconds(seconds);
        await backend.CompleteOrchestrationWorkItemAsync(item!, TimerTurn(item!, clock.GetUtcNow().UtcDateTime, fireAt), TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        Assert.Null(await LockAsync(backend, Quiet));

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var fired = await LockAsync(backend, Wait);
        Assert.NotNull(fired);
        Assert.Equal(fireAt, Assert.IsType<TimerFiredEvent>(Assert.Single(fired.NewMessages).Event).FireAt);
        Assert.True(clock.GetUtcNow().UtcDateTime >= fireAt);
    }

    [Fact]
    public async Task TimerMessage_CancelledBeforeDue_NotDelivered()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.TimeProvider = clock);
        await backend.CreateInstanceAsync(StartMessage("t2"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Wait);
        var now = clock.GetUtcNow().UtcDateTime;
        await backend.CompleteOrchestrationWorkItemAsync(item!, TimerTurn(item!, now, now.AddMinutes(1)), TestContext.Current.CancellationToken);
        await backend.SendMessageAsync(new TaskMessage("t2:ev", "t2", null, new EventRaisedEvent("go", null) { MessageId = "t2:ev" }), TestContext.Current.CancellationToken);
        var second = await LockAsync(backend, Wait);
        await backend.CompleteOrchestrationWorkItemAsync(second!, new OrchestrationCommit
        {
            NewEvents = [.. second!.NewMessages.Select(m => m.Event), new TimerCancelledEvent(0)],
            State = second.State!,
            CancelledTimerIds = [0],
        }, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await LockAsync(backend, Quiet));
        Assert.Equal(0, backend.ScheduledTimerCount);
    }

    [Fact]
    public async Task TimerRows_NewOwner_LoadsScheduleFromTable()
    {
        var hub = NewHubName();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var first = await StartBackendAsync(azurite.ConnectionString, hub, o => o.TimeProvider = clock);
        await first.CreateInstanceAsync(StartMessage("t3"), TestContext.Current.CancellationToken);
        var item = await LockAsync(first, Wait);
        var now = clock.GetUtcNow().UtcDateTime;
        await first.CompleteOrchestrationWorkItemAsync(item!, TimerTurn(item!, now, now.AddHours(1)), TestContext.Current.CancellationToken);
        await first.StopAsync(TestContext.Current.CancellationToken);
        await first.DisposeAsync();

        await using var second = await StartBackendAsync(azurite.ConnectionString, hub, o => o.TimeProvider = clock);
        Assert.Equal(1, second.ScheduledTimerCount);
        clock.Advance(TimeSpan.FromHours(1));
        var fired = await LockAsync(second, Wait);
        Assert.IsType<TimerFiredEvent>(Assert.Single(fired!.NewMessages).Event);
    }

    [Fact]
    public async Task DelayedStart_DeliverAtInFuture_HeldUntilDue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.TimeProvider = clock);
        await backend.CreateInstanceAsync(StartMessage("d1", deliverAt: clock.GetUtcNow().UtcDateTime.AddDays(2)), TestContext.Current.CancellationToken);
        Assert.Null(await LockAsync(backend, Quiet));
        await BackendTestKit.WaitUntilAsync(() => backend.ScheduledTimerCount == 1, Wait);
        clock.Advance(TimeSpan.FromDays(2));
        var item = await LockAsync(backend, Wait);
        Assert.IsType<ExecutionStartedEvent>(Assert.Single(item!.NewMessages).Event);
    }

    [Fact]
    public async Task TimerMessages_ThousandPending_AllHeldThenAllDeliveredOnce()
    {
        const int count = 1000;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.TimeProvider = clock);
        await backend.CreateInstanceAsync(StartMessage("many"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Wait);
        var now = clock.GetUtcNow().UtcDateTime;
        var started = item!.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().First();
        var created = Enumerable.Range(0, count).Select(i => new TimerCreatedEvent(now.AddMinutes(1 + (i % 60))) { EventId = i, Timestamp = now }).ToList();
        await backend.CompleteOrchestrationWorkItemAsync(item, new OrchestrationCommit
        {
            NewExecution = true,
            NewEvents = [started, .. created],
            State = State("many", OrchestrationRuntimeStatus.Running, now),
            TimerMessages = [.. created.Select(c => new TaskMessage($"many:timer:{c.EventId}", "many", "e1", new TimerFiredEvent(c.EventId, c.FireAt) { MessageId = $"many:timer:{c.EventId}" }, c.FireAt))],
        }, TestContext.Current.CancellationToken);
        Assert.Equal(count, backend.ScheduledTimerCount);
        Assert.Null(await LockAsync(backend, Quiet));

        clock.Advance(TimeSpan.FromHours(2));
        var delivered = new HashSet<string>();
        while (delivered.Count < count && await LockAsync(backend, Wait) is { } fired)
        {
            foreach (var message in fired.NewMessages)
            {
                Assert.True(delivered.Add(message.MessageId), $"{message.MessageId} delivered twice.");
            }

            await backend.CompleteOrchestrationWorkItemAsync(fired, new OrchestrationCommit { NewEvents = [.. fired.NewMessages.Select(m => m.Event)], State = fired.State! }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(count, delivered.Count);
        Assert.Equal(0, backend.ScheduledTimerCount);
    }
}
