using System.Collections.Concurrent;
using Workflow.Durable.Backend;
using Workflow.Durable.History;
using Workflow.Durable.Worker;
using Xunit;

namespace Workflow.Durable.Tests.Contract;

public abstract partial class OrchestrationContractTests
{
    /// <summary>How many randomized crash schedules to run (seeded 1..N).</summary>
    protected virtual int CrashScheduleCount => 200;

    /// <summary>How long a crash schedule may take to complete each instance.</summary>
    protected virtual TimeSpan CrashSchedulePatience => Patience;

    /// <summary>How long a crashed worker's locks last in the crash tests.</summary>
    protected virtual TimeSpan CrashLockTimeout => TimeSpan.FromMilliseconds(40);

    /// <summary>A workflow touching every kind of message: activities, fan-out, a timer, an event, a sub-orchestration.</summary>
    private static void CrashWorkflow(DurableTaskRegistry r, ConcurrentDictionary<string, int> runs) => r
        .AddOrchestratorFunc<int, string>("Mixed", async (ctx, n) =>
        {
            var a = await ctx.CallActivityAsync<int>("Step", n);
            var b = await Task.WhenAll(ctx.CallActivityAsync<int>("Step", a), ctx.CallActivityAsync<int>("Step", a + 1));
            await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddMilliseconds(15), CancellationToken.None);
            var signal = await ctx.WaitForExternalEvent<string>("Signal");
            var child = await ctx.CallSubOrchestratorAsync<int>("Child", b[0] + b[1]);
            return $"{child}:{signal}";
        })
        .AddOrchestratorFunc<int, int>("Child", async (ctx, n) => await ctx.CallActivityAsync<int>("Step", n))
        .AddActivityFunc<int, int>("Step", (ctx, n) =>
        {
            runs.AddOrUpdate(ctx.IdempotencyKey, 1, (_, c) => c + 1);
            return Task.FromResult(n + 1);
        });

    /// <summary>
    /// How many crash schedules run at once, each on its own backend. A backend whose crash recovery waits
    /// on storage timeouts (a message's visibility) spends most of a schedule waiting, so schedules overlap.
    /// </summary>
    protected virtual int CrashScheduleParallelism => 1;

    [Fact]
    public async Task Crashes_RandomSchedules_EveryInstanceCompletesOnceWithoutDuplicateHistory()
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = CrashScheduleParallelism, CancellationToken = TestContext.Current.CancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(1, CrashScheduleCount), options, async (seed, _) => await RunCrashScheduleAsync(seed));
    }

    private async Task RunCrashScheduleAsync(int seed)
    {
        var faults = new RandomFaults(seed, probability: 0.08, budget: 6);
        var runs = new ConcurrentDictionary<string, int>();
        DurableTestHost? host = null;
        try
        {
            host = await StartAsync(r => CrashWorkflow(r, runs), faults: faults, lockTimeout: CrashLockTimeout, concurrency: 2);
            var ids = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync("Mixed", i * 10, new StartOrchestrationOptions { InstanceId = $"s{seed}-i{i}" }));
            }

            foreach (var id in ids)
            {
                await host.Client.RaiseEventAsync(id, "Signal", "go");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                using var patience = new CancellationTokenSource(CrashSchedulePatience);
                var done = await host.Client.WaitForInstanceCompletionAsync(ids[i], getInputsAndOutputs: true, patience.Token);
                Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
                var n = i * 10;
                Assert.Equal($"{(n + 2) + (n + 3) + 1}:go", done.ReadOutputAs<string>());
                AssertNoDuplicates(await host.Client.GetHistoryAsync(ids[i]));
                AssertNoDuplicates(await host.Client.GetHistoryAsync(ids[i] + ":0004"));
            }

            Assert.Empty(PoisonOf(host.Backend));

            // A schedule that passed leaves nothing behind, so the next ones run on an uncluttered store.
            await host.DisposeAsync();
            var backend = host.Backend;
            host = null;
            await backend.DeleteAsync();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var states = host is null ? "no host" : await DescribeAsync(host, [.. Enumerable.Range(0, 3).SelectMany(i => new[] { $"s{seed}-i{i}", $"s{seed}-i{i}:0004" })]);
            throw new Xunit.Sdk.XunitException(
                $"Crash schedule with seed {seed} failed after {faults.Crashes} crashes at [{string.Join(", ", faults.PointsHit)}]: {ex}\n{states}");
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(FaultPoint.OrchestrationLocked)]
    [InlineData(FaultPoint.BeforeCommit)]
    [InlineData(FaultPoint.CommitPartlyWritten)]
    [InlineData(FaultPoint.AfterCommit)]
    [InlineData(FaultPoint.AfterMessagesSent)]
    [InlineData(FaultPoint.AfterMessagesDeleted)]
    [InlineData(FaultPoint.ActivityLocked)]
    [InlineData(FaultPoint.ActivityExecuted)]
    [InlineData(FaultPoint.ActivityResultSent)]
    public async Task Crash_AtEachPoint_InstanceCompletesOnceAndActivityKeyIsStable(FaultPoint point)
    {
        var runs = new ConcurrentDictionary<string, int>();
        await using var host = await StartAsync(r => CrashWorkflow(r, runs), faults: new CrashOnceAt(point), lockTimeout: CrashLockTimeout);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Mixed", 0);
        await host.Client.RaiseEventAsync(id, "Signal", "go");
        var done = await CompletionAsync(host, id);

        Assert.Equal("6:go", done.ReadOutputAs<string>());
        var history = await host.Client.GetHistoryAsync(id);
        AssertNoDuplicates(history);
        // Every activity ran under the key of its call; a rerun after a crash reuses the same key.
        var expectedKeys = history.OfType<TaskScheduledEvent>().Select(s => $"{id}:{history.OfType<ExecutionStartedEvent>().Single().ExecutionId}:{s.EventId}");
        Assert.All(expectedKeys, key => Assert.True(runs.ContainsKey(key), $"activity key {key} never ran"));
        // Its result was never sent, so the activity must have run again (after ActivityResultSent the
        // rerun may come after the instance completed; its copy of the result is discarded then).
        if (point is FaultPoint.ActivityExecuted)
        {
            Assert.Contains(runs, r => r.Value == 2);
        }
    }

    /// <summary>Each instance's status and history, for the message of a failed schedule.</summary>
    private static async Task<string> DescribeAsync(DurableTestHost host, IEnumerable<string> ids)
    {
        var text = new System.Text.StringBuilder();
        foreach (var id in ids)
        {
            var state = await host.Client.GetInstanceAsync(id);
            var history = await host.Client.GetHistoryAsync(id);
            text.AppendLine($"{id}: {state?.RuntimeStatus.ToString() ?? "none"}; history: " +
                string.Join(", ", history.Select(e => e.EventId >= 0 ? $"{e.EventType}#{e.EventId}" : e.EventType.ToString())));
        }

        return text.ToString();
    }

    /// <summary>The poison messages a backend holds, when it exposes them.</summary>
    protected virtual IReadOnlyCollection<object> PoisonOf(IOrchestrationBackend backend) => [];
}
