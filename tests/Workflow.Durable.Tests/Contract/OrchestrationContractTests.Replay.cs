using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Contract;

public abstract partial class OrchestrationContractTests
{
    [Fact]
    public async Task CallActivityAsync_Sequence_ReturnsResultAndRecordsEachStep()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string, string>("Greet", async (ctx, name) =>
            {
                var a = await ctx.CallActivityAsync<string>("Say", "hello " + name);
                var b = await ctx.CallActivityAsync<string>("Say", a + " again");
                return await ctx.CallActivityAsync<string>("Say", b + "!");
            })
            .AddActivityFunc<string, string>("Say", (_, text) => Task.FromResult(text.ToUpperInvariant())));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Greet", "ann");
        var done = await CompletionAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("HELLO ANN AGAIN!", done.ReadOutputAs<string>());
        var history = await host.Client.GetHistoryAsync(id);
        Assert.Equal([0, 1, 2], history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
        Assert.Equal([0, 1, 2], history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, history.OfType<ExecutionCompletedEvent>().Single().OrchestrationStatus);
        AssertNoDuplicates(history);
    }

    [Fact]
    public async Task WhenAll_FanOutOf100_CollectsEveryResultInOrder()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<int, int[]>("FanOut", async (ctx, n) =>
                await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("Square", i))))
            .AddActivityFunc<int, int>("Square", (_, i) => Task.FromResult(i * i)));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 100);
        var done = await CompletionAsync(host, id);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * i), done.ReadOutputAs<int[]>()!);
        AssertNoDuplicates(await host.Client.GetHistoryAsync(id));
    }

    [Fact]
    public async Task WhenAny_EventBeforeTimer_EventWinsAndTimerIsCancelled()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Race", async (ctx, _) =>
        {
            using var cts = new CancellationTokenSource();
            var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), cts.Token);
            var approval = ctx.WaitForExternalEvent<string>("Approval");
            var winner = await Task.WhenAny(timer, approval);
            cts.Cancel(); // synchronous: an orchestrator awaits only durable tasks
            return winner == approval ? await approval : "timed out";
        }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Race");
        await WaitForHistoryAsync(host, id, h => h.OfType<TimerCreatedEvent>().Any());
        await host.Client.RaiseEventAsync(id, "approval", "yes");
        var done = await CompletionAsync(host, id);

        Assert.Equal("yes", done.ReadOutputAs<string>());
        var history = await host.Client.GetHistoryAsync(id);
        Assert.Equal(history.OfType<TimerCreatedEvent>().Single().EventId, history.OfType<TimerCancelledEvent>().Single().TimerId);
        Assert.Empty(history.OfType<TimerFiredEvent>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventsRaisedBeforeTheWait_AreDeliveredInOrder()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Collect", async (ctx, _) =>
        {
            await ctx.WaitForExternalEvent<string>("Go");
            var items = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                items.Add(await ctx.WaitForExternalEvent<string>("Item"));
            }

            return string.Join(",", items);
        }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collect");
        foreach (var item in new[] { "a", "b", "c" })
        {
            await host.Client.RaiseEventAsync(id, "Item", item);
        }

        await host.Client.RaiseEventAsync(id, "Go");
        var done = await CompletionAsync(host, id);

        Assert.Equal("a,b,c", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_BeforeADelayedStart_EventsAreKeptAndDeliveredInOrder()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Late", async (ctx, _) =>
            await ctx.WaitForExternalEvent<string>("Note") + await ctx.WaitForExternalEvent<string>("Note")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Late", null, new StartOrchestrationOptions { StartAt = DateTimeOffset.UtcNow.AddMilliseconds(300) });
        await host.Client.RaiseEventAsync(id, "Note", "first ");
        await host.Client.RaiseEventAsync(id, "Note", "second");
        var done = await CompletionAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("first second", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallSubOrchestratorAsync_ReturnsChildOutput_AndChildFailureSurfacesAsTaskFailedException()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Parent", async (ctx, _) =>
            {
                var ok = await ctx.CallSubOrchestratorAsync<int>("Child", 20);
                try
                {
                    await ctx.CallSubOrchestratorAsync<int>("Child", -1);
                    return "no failure";
                }
                catch (TaskFailedException failed)
                {
                    return $"{ok}|{failed.FailureDetails.ErrorType}|{failed.FailureDetails.ErrorMessage}";
                }
            })
            .AddOrchestratorFunc<int, int>("Child", async (ctx, n) =>
            {
                var doubled = await ctx.CallActivityAsync<int>("Double", n);
                return doubled >= 0 ? doubled + 2 : throw new InvalidOperationException("negative input");
            })
            .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2)));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        var done = await CompletionAsync(host, id);

        Assert.Equal("42|System.InvalidOperationException|negative input", done.ReadOutputAs<string>());
        var child = await host.Client.GetInstanceAsync(id + ":0000");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
    }

    [Fact]
    public async Task ContinueAsNew_PreservingEvents_DeliversUnprocessedEventsToTheNextExecution()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<int, int>("Counter", async (ctx, total) =>
        {
            var add = await ctx.WaitForExternalEvent<int>("Add");
            if (add < 0)
            {
                return total;
            }

            ctx.ContinueAsNew(total + add, preserveUnprocessedEvents: true);
            return 0;
        }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        foreach (var n in new[] { 1, 2, 3, 4, -1 })
        {
            await host.Client.RaiseEventAsync(id, "Add", n);
        }

        var done = await CompletionAsync(host, id);

        Assert.Equal(10, done.ReadOutputAs<int>());
        var history = await host.Client.GetHistoryAsync(id);
        Assert.Single(history.OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public async Task CallActivityAsync_FailingActivity_FailsInstanceWithTypeMessageAndStack()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Fails", async (ctx, _) => await ctx.CallActivityAsync<string>("Boom"))
            .AddActivityFunc<object?, string>("Boom", (_, _) => throw new FormatException("bad data")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Fails");
        var done = await CompletionAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, done.FailureDetails!.ErrorType);
        var recorded = (await host.Client.GetHistoryAsync(id)).OfType<TaskFailedEvent>().Single().FailureDetails;
        Assert.Equal(typeof(FormatException).FullName, recorded.ErrorType);
        Assert.Equal("bad data", recorded.ErrorMessage);
        Assert.Contains("at ", recorded.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CodeThatChanged_FailsWithNonDeterminismErrorNamingBothActions()
    {
        var version = 1;
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Changing", async (ctx, _) =>
            {
                await ctx.CallActivityAsync(Volatile.Read(ref version) == 1 ? "First" : "Second");
                await ctx.WaitForExternalEvent<string>("Continue");
                return "done";
            })
            .AddActivityFunc<object?, string>("First", (_, _) => Task.FromResult("1"))
            .AddActivityFunc<object?, string>("Second", (_, _) => Task.FromResult("2")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Changing");
        await WaitForHistoryAsync(host, id, h => h.OfType<TaskCompletedEvent>().Any());
        Volatile.Write(ref version, 2);
        await host.Client.RaiseEventAsync(id, "Continue", "x");
        var done = await CompletionAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("task #0", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'First'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Second'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewGuidAndCustomStatus_AreStableAcrossReplays()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Guids", async (ctx, _) =>
        {
            var first = ctx.NewGuid();
            ctx.SetCustomStatus(new { step = "waiting", first });
            await ctx.WaitForExternalEvent<string>("Go");
            return first.ToString() + "|" + ctx.NewGuid();
        }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Guids");
        await WaitForHistoryAsync(host, id, h => h.OfType<OrchestratorCompletedEvent>().Any());
        // A storage backend writes the queryable instance row just after the history; wait for it too.
        var waiting = await host.Client.GetInstanceAsync(id, true);
        for (var deadline = DateTime.UtcNow + Patience; waiting?.SerializedCustomStatus is null && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(20);
            waiting = await host.Client.GetInstanceAsync(id, true);
        }

        var statusGuid = waiting!.ReadCustomStatusAs<System.Text.Json.JsonElement>().GetProperty("first").GetGuid();
        await host.Client.RaiseEventAsync(id, "Go", "now");
        var done = await CompletionAsync(host, id);

        var parts = done.ReadOutputAs<string>()!.Split('|');
        Assert.Equal(statusGuid, Guid.Parse(parts[0]));
        Assert.NotEqual(parts[0], parts[1]);
    }
}
