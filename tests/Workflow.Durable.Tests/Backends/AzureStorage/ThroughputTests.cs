using System.Diagnostics;
using System.Globalization;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.History;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class ThroughputTests(AzuriteFixture azurite)
{
    private const int Steps = 50;

    [Fact]
    public async Task SequentialActivities_OneInstance_CompletesAndReportsOperationsPerStep()
    {
        await using var backend = await StartBackendAsync(azurite.ConnectionString, NewHubName(), o => o.MaxPollingInterval = TimeSpan.FromMilliseconds(100));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(60));
        var activities = Task.Run(() => RunActivitiesAsync(backend, cts.Token), cts.Token);
        var watch = Stopwatch.StartNew();
        var before = backend.Statistics.Total;

        await backend.CreateInstanceAsync(StartMessage("seq"), cts.Token);
        while (true)
        {
            var item = await backend.LockNextOrchestrationWorkItemAsync(cts.Token);
            Assert.NotNull(item);
            var now = DateTime.UtcNow;
            var completed = item.NewMessages.Select(m => m.Event).OfType<TaskCompletedEvent>().ToList();
            var events = new List<HistoryEvent> { new OrchestratorStartedEvent { Timestamp = now } };
            events.AddRange(item.NewMessages.Select(m => m.Event));
            var next = completed.Count == 0 ? 0 : completed.Max(c => c.TaskScheduledId) + 1;
            if (next == Steps)
            {
                events.Add(new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, "done"));
                await backend.CompleteOrchestrationWorkItemAsync(item, new OrchestrationCommit { NewEvents = events, State = State("seq", OrchestrationRuntimeStatus.Completed, now, output: "done") }, cts.Token);
                break;
            }

            var scheduled = new TaskScheduledEvent("Step", next.ToString(CultureInfo.InvariantCulture)) { EventId = next, Timestamp = now };
            events.Add(scheduled);
            events.Add(new OrchestratorCompletedEvent { Timestamp = now });
            await backend.CompleteOrchestrationWorkItemAsync(item, new OrchestrationCommit
            {
                NewExecution = item.History.Count == 0,
                NewEvents = events,
                State = State("seq", OrchestrationRuntimeStatus.Running, now),
                ActivityMessages = [new TaskMessage($"seq:task:{next}", "seq", "e1", scheduled)],
            }, cts.Token);
        }

        watch.Stop();
        var operations = backend.Statistics.Total - before;
        var report = (
            $"{Steps} sequential activities: {Steps / watch.Elapsed.TotalSeconds:F1}/s, {operations / (double)Steps:F1} storage operations per step ({string.Join(", ", backend.Statistics.Counts.Select(kv => $"{kv.Key}={kv.Value}"))})");
        TestContext.Current.SendDiagnosticMessage(report);
        if (Environment.GetEnvironmentVariable("WORKFLOW_BENCH_REPORT") is { Length: > 0 } reportFile)
        {
            await File.AppendAllTextAsync(reportFile, report + Environment.NewLine, cts.Token);
        }

        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await backend.GetInstanceAsync("seq", false, cts.Token))!.RuntimeStatus);
        await cts.CancelAsync();
        await activities;
    }

    private static async Task RunActivitiesAsync(AzureStorageOrchestrationBackend backend, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var item = await backend.LockNextActivityWorkItemAsync(cancellationToken);
            if (item is null)
            {
                return;
            }

            try
            {
                await backend.CompleteActivityWorkItemAsync(item, ActivityResult(item, item.Scheduled.Input), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
