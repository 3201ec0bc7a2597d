using System.Collections.Concurrent;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class MultiHostTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoHosts_OneStopsOrIsKilledMidway_EveryInstanceCompletesOnceWithoutOverlap(bool kill)
    {
        const int instances = 20;
        const int steps = 8;
        var hub = NewHubName();
        var active = new ConcurrentDictionary<string, string>();
        await using var a = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "host-a");
        await using var b = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "host-b");
        using var stopA = new CancellationTokenSource();
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stopB.CancelAfter(TimeSpan.FromSeconds(90));
        var workerA = new SequenceWorker(a, "a", steps, active);
        var workerB = new SequenceWorker(b, "b", steps, active);
        var runA = workerA.RunAsync(stopA.Token);
        var runB = workerB.RunAsync(stopB.Token);

        for (var i = 0; i < instances; i++)
        {
            await a.CreateInstanceAsync(StartMessage($"m-{i}"), TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        if (kill)
        {
            // A killed host's work items vanish with it: stop its worker loops first, then its backend, releasing nothing.
            await stopA.CancelAsync();
            await a.SimulateProcessKillAsync();
            await runA;
        }
        else
        {
            await a.StopAsync(TestContext.Current.CancellationToken);
            await stopA.CancelAsync();
            await runA;
        }


        for (var i = 0; i < instances; i++)
        {
            var id = $"m-{i}";
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await b.GetInstanceAsync(id, false, TestContext.Current.CancellationToken))?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                Assert.True(DateTime.UtcNow < deadline, $"{id} did not complete.");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            var history = await b.GetHistoryAsync(id, TestContext.Current.CancellationToken);
            var ids = history.Select(h => h.MessageId).OfType<string>().ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.Equal(steps, history.OfType<TaskCompletedEvent>().Count());
            Assert.Single(history.OfType<ExecutionCompletedEvent>());
        }

        await stopB.CancelAsync();
        await runB;
        Assert.Equal(0, workerA.Overlaps + workerB.Overlaps);
        await WaitUntilAsync(() => b.OwnedPartitions.Count == 4, TimeSpan.FromSeconds(20));
    }
}
