using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Contract;

public abstract partial class OrchestrationContractTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CreateTimer_ThirtyDays_FiresAtItsTimeAndNeverBefore()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, DateTime>("Month", async (ctx, _) =>
        {
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(30), CancellationToken.None);
            return ctx.CurrentUtcDateTime;
        }), time);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Month");
        await WaitForHistoryAsync(host, id, h => h.OfType<TimerCreatedEvent>().Any());
        var fireAt = (await host.Client.GetHistoryAsync(id)).OfType<TimerCreatedEvent>().Single().FireAt;

        time.SetUtcNow(new DateTimeOffset(fireAt).AddTicks(-1));
        await Task.Delay(100);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        time.SetUtcNow(new DateTimeOffset(fireAt));
        var done = await CompletionAsync(host, id);

        Assert.Equal(fireAt, Epoch.UtcDateTime.AddDays(30));
        Assert.True(done.ReadOutputAs<DateTime>() >= fireAt);
        Assert.True((await host.Client.GetHistoryAsync(id)).OfType<TimerFiredEvent>().Single().Timestamp >= fireAt);
    }

    [Fact]
    public async Task WaitForExternalEvent_WithTimeout_ThrowsTaskCanceledWhenTheTimeRunsOut()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<object?, string>("Patient", async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEvent<string>("Reply", TimeSpan.FromHours(24));
            }
            catch (TaskCanceledException)
            {
                return "no reply by " + ctx.CurrentUtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
            }
        }), time);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Patient");
        await WaitForHistoryAsync(host, id, h => h.OfType<TimerCreatedEvent>().Any());
        var done = await CompletionAsync(host, id, time, TimeSpan.FromHours(1));

        Assert.StartsWith("no reply by 2026-11-03T09:00:00", done.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_RetriesWithBackoffOnDurableTimers()
    {
        var time = new FakeTimeProvider(Epoch);
        var attempts = 0;
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<object?, string>("Retrying", async (ctx, _) =>
                await ctx.CallActivityAsync<string>("Flaky", null, TaskOptions.FromRetryPolicy(
                    new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(10), backoffCoefficient: 2))))
            .AddActivityFunc<object?, string>("Flaky", (_, _) =>
                Interlocked.Increment(ref attempts) < 4 ? throw new TimeoutException("try again") : Task.FromResult("ok")), time);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Retrying");
        var done = await CompletionAsync(host, id, time, TimeSpan.FromSeconds(1));

        Assert.Equal("ok", done.ReadOutputAs<string>());
        Assert.Equal(4, attempts);
        var history = await host.Client.GetHistoryAsync(id);
        var failedAt = history.OfType<TaskFailedEvent>().Select(e => e.Timestamp).ToList();
        var timers = history.OfType<TimerCreatedEvent>().ToList();
        Assert.Equal(3, timers.Count);
        Assert.Equal([10, 20, 40], timers.Select((t, i) => (t.FireAt - failedAt[i]).TotalSeconds));
    }

    [Fact]
    public async Task CreateTimer_TenThousandPending_OtherInstancesStillRun()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Sleeper", async (ctx, n) =>
            {
                await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1).AddSeconds(i), CancellationToken.None)));
                return n;
            })
            .AddOrchestratorFunc<object?, int>("Worker", async (ctx, _) =>
            {
                var sum = 0;
                for (var i = 0; i < 10; i++)
                {
                    sum += await ctx.CallActivityAsync<int>("One");
                }

                return sum;
            })
            .AddActivityFunc<object?, int>("One", (_, _) => Task.FromResult(1)), time);

        var sleepers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            sleepers.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper", 1000));
        }

        foreach (var sleeper in sleepers)
        {
            await WaitForHistoryAsync(host, sleeper, h => h.OfType<TimerCreatedEvent>().Count() == 1000);
        }

        var worker = await host.Client.ScheduleNewOrchestrationInstanceAsync("Worker");
        Assert.Equal(10, (await CompletionAsync(host, worker)).ReadOutputAs<int>());

        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1000));
        foreach (var sleeper in sleepers)
        {
            var done = await CompletionAsync(host, sleeper);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            var history = await host.Client.GetHistoryAsync(sleeper);
            Assert.All(history.OfType<TimerFiredEvent>(), f => Assert.True(f.Timestamp >= f.FireAt));
        }
    }
}
