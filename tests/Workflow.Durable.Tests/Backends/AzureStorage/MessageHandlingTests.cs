using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.History;
using Workflow.Durable.Tests.Contract;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>
/// Queue messages as storage can deliver them: twice, for an older execution, before the instance they
/// are for exists, or failing every time. Raw messages go straight into the control queue, as a retrying
/// sender or a restarted host would put them there; the real worker processes them.
/// </summary>
public sealed class MessageHandlingTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static void TwoEvents(Worker.DurableTaskRegistry r) => r
        .AddOrchestratorFunc<object?, string>("TwoEvents", async (ctx, _) =>
        {
            var first = await ctx.WaitForExternalEvent<string>("E");
            var second = await ctx.WaitForExternalEvent<string>("E");
            return first + second;
        })
        .AddOrchestratorFunc<int, string>("Generations", async (ctx, generation) =>
        {
            var value = await ctx.WaitForExternalEvent<string>("E");
            if (generation == 0)
            {
                ctx.ContinueAsNew(1);
                return string.Empty;
            }

            return value;
        });

    private async Task<(DurableTestHost Host, AzureStorageOrchestrationBackend Backend)> StartAsync()
    {
        var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), start: false);
        return (await DurableTestHost.StartAsync(backend, TwoEvents), backend);
    }

    /// <summary>Puts <paramref name="messages"/> into the instance's control queue as one queue message.</summary>
    private async Task SendRawAsync(AzureStorageOrchestrationBackend backend, params TaskMessage[] messages)
    {
        var queue = new QueueClient(azurite.ConnectionString, $"{backend.Options.TaskHubName.ToLowerInvariant()}-control-{backend.PartitionOf(messages[0].InstanceId):D2}");
        await queue.SendMessageAsync(StorageJson.Serialize(new QueueEnvelope(messages, null)), TestContext.Current.CancellationToken);
    }

    private static TaskMessage Event(string messageId, string instanceId, string value, string? executionId = null) =>
        new(messageId, instanceId, executionId, new EventRaisedEvent("E", $"\"{value}\""));

    private static async Task<IReadOnlyList<HistoryEvent>> WaitForEventsAsync(DurableTestHost host, string id, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var history = await host.Client.GetHistoryAsync(id);
            if (history.OfType<EventRaisedEvent>().Count() >= count)
            {
                return history;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{id} never received {count} events.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task CompleteOrchestrationWorkItem_SeveralMessagesToOneInstance_OneQueueMessageReceivedWholeAndInOrder()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName());
        await backend.CreateInstanceAsync(StartMessage("sender"), TestContext.Current.CancellationToken);
        var item = await LockAsync(backend, Patience);
        var now = DateTime.UtcNow;
        var started = item!.NewMessages.Select(m => m.Event).OfType<ExecutionStartedEvent>().Single();
        var sent = Enumerable.Range(0, 5).Select(i => Event($"sender|e1|event|{i}", "receiver", i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var sends = backend.Statistics[StorageOperation.QueueSend];

        await backend.CompleteOrchestrationWorkItemAsync(item, new OrchestrationCommit
        {
            NewExecution = true,
            NewEvents = [started, new OrchestratorStartedEvent { Timestamp = now }, new OrchestratorCompletedEvent { Timestamp = now }],
            State = State("sender", OrchestrationRuntimeStatus.Running, now),
            OrchestratorMessages = sent,
        }, TestContext.Current.CancellationToken);

        Assert.Equal(1, backend.Statistics[StorageOperation.QueueSend] - sends);
        var received = await LockAsync(backend, Patience);
        Assert.Equal("receiver", received!.InstanceId);
        Assert.Equal(sent.Select(m => m.MessageId), received.NewMessages.Select(m => m.MessageId));
        var held = Assert.IsType<OrchestrationLock>(received.LockToken).Messages;
        Assert.Single(held.Select(m => m.Queue!.MessageId).Distinct());
    }

    [Fact]
    public async Task DuplicateQueueMessages_SameMessageIdTwice_AppliedOnce()
    {
        var (host, backend) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("TwoEvents");
        await host.Client.WaitForInstanceStartAsync(id, cancellationToken: TestContext.Current.CancellationToken);

        // The same message in two queue messages (a sender that retried), and twice in one.
        await SendRawAsync(backend, Event("dup-1", id, "a"));
        await SendRawAsync(backend, Event("dup-1", id, "a"), Event("dup-1", id, "a"));
        await WaitForEventsAsync(host, id, 1);
        await SendRawAsync(backend, Event("dup-1", id, "a"));
        await SendRawAsync(backend, Event("other", id, "b"));
        using var timeout = new CancellationTokenSource(Patience);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal("ab", done!.ReadOutputAs<string>());
        var history = await host.Client.GetHistoryAsync(id);
        Assert.Equal(["dup-1", "other"], history.OfType<EventRaisedEvent>().Select(e => e.MessageId));
    }

    [Fact]
    public async Task StaleQueueMessage_ForAnOlderExecution_Discarded()
    {
        var (host, backend) = await StartAsync();
        await using var _ = host;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Generations", 0);
        var firstExecution = (await host.Client.WaitForInstanceStartAsync(id, cancellationToken: TestContext.Current.CancellationToken))!;
        var oldExecution = (await host.Client.GetHistoryAsync(id)).OfType<ExecutionStartedEvent>().Single().ExecutionId;
        await host.Client.RaiseEventAsync(id, "E", "go");
        await WaitForNewExecutionAsync(host, id, oldExecution);

        // An event and an activity result addressed to the first execution arrive late: both are stale.
        await SendRawAsync(backend, Event("stale-event", id, "stale", oldExecution));
        await SendRawAsync(backend, new TaskMessage("stale-result", id, oldExecution, new TaskCompletedEvent(0, "\"x\"")));
        await WaitForDiscardedAsync(backend, id);
        await host.Client.RaiseEventAsync(id, "E", "fresh");
        using var timeout = new CancellationTokenSource(Patience);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.NotNull(firstExecution);
        Assert.Equal("fresh", done!.ReadOutputAs<string>());
        var history = await host.Client.GetHistoryAsync(id);
        Assert.DoesNotContain(history, e => e.MessageId is "stale-event" or "stale-result");
        Assert.Empty(history.OfType<TaskCompletedEvent>());
    }

    [Fact]
    public async Task OutOfOrderQueueMessage_EventBeforeTheStart_DeferredAndAppliedOnceAfterIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.TimeProvider = clock, start: false);
        await using var host = await DurableTestHost.StartAsync(backend, TwoEvents);
        const string id = "early-bird";

        // The start is due in an hour; an event for the instance reaches the queue long before it.
        await host.Client.ScheduleNewOrchestrationInstanceAsync("TwoEvents", null, new StartOrchestrationOptions { InstanceId = id, StartAt = clock.GetUtcNow().AddHours(1) });
        await SendRawAsync(backend, Event("early-1", id, "x"));
        var kept = await WaitForEventsAsync(host, id, 1);
        Assert.Empty(kept.OfType<ExecutionStartedEvent>());
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        clock.Advance(TimeSpan.FromHours(1));
        await host.Client.WaitForInstanceStartAsync(id, cancellationToken: TestContext.Current.CancellationToken);
        await SendRawAsync(backend, Event("early-1", id, "x"));
        await host.Client.RaiseEventAsync(id, "E", "y");
        using var timeout = new CancellationTokenSource(Patience);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);

        Assert.Equal("xy", done!.ReadOutputAs<string>());
        var history = await host.Client.GetHistoryAsync(id);
        Assert.Single(history, e => e.MessageId == "early-1");
        Assert.Single(history.OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public async Task PoisonMessage_FailsEveryTime_BacksOffExponentiallyThenPoisonQueueWithErrorWhileItsPartitionGoesOn()
    {
        var hub = NewHubName();
        await using var backend = await StartBackendAsync(azurite.ConnectionString, hub, o =>
        {
            o.MaxDequeueCount = 3;
            o.RetryBackoff = TimeSpan.FromSeconds(1);
            o.MaxRetryBackoff = TimeSpan.FromSeconds(30);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
        });
        var poison = new QueueClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-poison");
        const string bad = "bad";
        var neighbours = Enumerable.Range(0, 1000).Select(i => $"good-{i}").Where(g => backend.PartitionOf(g) == backend.PartitionOf(bad)).Take(3).ToList();
        await backend.CreateInstanceAsync(StartMessage(bad), TestContext.Current.CancellationToken);

        var deliveries = new List<DateTime>();
        var neighboursDone = new List<DateTime>();
        var neighboursCreated = 0;
        var deadline = DateTime.UtcNow + Patience;
        while ((await poison.PeekMessagesAsync(1, TestContext.Current.CancellationToken)).Value.Length == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the failing message never reached the poison queue");
            if (deliveries.Count > neighboursCreated && neighboursCreated == neighboursDone.Count && neighboursCreated < neighbours.Count)
            {
                // While the failing message waits out its back-off, an instance of the same partition starts and runs.
                await backend.CreateInstanceAsync(StartMessage(neighbours[neighboursCreated++]), TestContext.Current.CancellationToken);
            }

            if (await LockAsync(backend, TimeSpan.FromMilliseconds(500)) is not { } item)
            {
                continue;
            }

            if (item.InstanceId == bad)
            {
                deliveries.Add(DateTime.UtcNow);
                await backend.AbandonOrchestrationWorkItemAsync(item, new InvalidOperationException($"boom {deliveries.Count}"), TestContext.Current.CancellationToken);
            }
            else
            {
                await backend.CompleteOrchestrationWorkItemAsync(item, FirstTurn(item, DateTime.UtcNow), TestContext.Current.CancellationToken);
                neighboursDone.Add(DateTime.UtcNow);
            }
        }

        var poisonedAt = DateTime.UtcNow;
        Assert.Equal(3, deliveries.Count);
        // Each wait is at least the doubled back-off: 1 s, 2 s, then 4 s before the move to the poison queue.
        var gaps = deliveries.Zip(deliveries.Skip(1).Append(poisonedAt), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.True(gaps[0] >= 0.9 && gaps[1] >= 1.9 && gaps[2] >= 3.9, "back-off gaps " + string.Join(", ", gaps));
        Assert.True(gaps[1] > gaps[0] && gaps[2] > gaps[1], "back-off gaps " + string.Join(", ", gaps));
        Assert.Equal(neighbours.Count, neighboursDone.Count);
        Assert.True(neighboursDone[0] < deliveries[^1], "the partition waited for the failing message");

        var record = Assert.Single((await poison.PeekMessagesAsync(10, TestContext.Current.CancellationToken)).Value);
        Assert.Contains("boom 3", record.MessageText, StringComparison.Ordinal);
        Assert.Contains(bad, record.MessageText, StringComparison.Ordinal);
        Assert.Null(await LockAsync(backend, TimeSpan.FromSeconds(1)));
    }

    private static async Task WaitForNewExecutionAsync(DurableTestHost host, string id, string oldExecution)
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await host.Client.GetHistoryAsync(id)).OfType<ExecutionStartedEvent>().SingleOrDefault()?.ExecutionId is not { } current || current == oldExecution)
        {
            Assert.True(DateTime.UtcNow < deadline, "the instance never continued as new");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the instance's control queue is empty: every raw message was received, handled and deleted.</summary>
    private async Task WaitForDiscardedAsync(AzureStorageOrchestrationBackend backend, string id)
    {
        var queue = new QueueClient(azurite.ConnectionString, $"{backend.Options.TaskHubName.ToLowerInvariant()}-control-{backend.PartitionOf(id):D2}");
        var deadline = DateTime.UtcNow + Patience;
        while ((await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the raw messages were never handled");
            await Task.Delay(50);
        }
    }
}
