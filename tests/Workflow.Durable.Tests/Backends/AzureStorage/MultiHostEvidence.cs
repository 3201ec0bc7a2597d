using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.Client;
using Workflow.Durable.History;
using Workflow.Durable.TestHost;
using Xunit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>What the multi-host tests read back and check: completion counts, histories and the turn journal.</summary>
internal static class MultiHostEvidence
{
    /// <summary>How many instances of the hub are completed now.</summary>
    public static async Task<int> CountCompletedAsync(IOrchestrationBackend client)
    {
        var count = 0;
        string? token = null;
        do
        {
            var page = await client.QueryInstancesAsync(new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 1000, ContinuationToken = token });
            count += page.Instances.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        return count;
    }

    /// <summary>Waits (real time) until at least <paramref name="target"/> instances are completed; returns the count seen.</summary>
    public static async Task<int> WaitForCompletedAsync(IOrchestrationBackend client, int target, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var completed = await CountCompletedAsync(client);
            if (completed >= target)
            {
                return completed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {completed} of {target} instances completed in {timeout}.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Each instance completed exactly once with the Steps workflow's output: one start, one completion,
    /// one scheduled activity and one result per step, no message applied twice.
    /// </summary>
    public static async Task AssertEachCompletedOnceAsync(IOrchestrationBackend client, IEnumerable<string> instanceIds, int steps)
    {
        foreach (var id in instanceIds)
        {
            var state = await client.GetInstanceAsync(id, fetchPayloads: true);
            Assert.True(state is { RuntimeStatus: OrchestrationRuntimeStatus.Completed }, $"{id} is {state?.RuntimeStatus}");
            Assert.Equal(StepsWorkflow.ExpectedOutput(steps).ToString(System.Globalization.CultureInfo.InvariantCulture), state!.Output);
            var history = await client.GetHistoryAsync(id);
            Assert.Single(history.OfType<ExecutionStartedEvent>());
            var completed = Assert.Single(history.OfType<ExecutionCompletedEvent>());
            Assert.Equal(OrchestrationRuntimeStatus.Completed, completed.OrchestrationStatus);
            Assert.Equal(Enumerable.Range(0, steps), history.OfType<TaskScheduledEvent>().Select(e => e.EventId));
            Assert.Equal(Enumerable.Range(0, steps), history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId));
            var messageIds = history.Select(e => e.MessageId).OfType<string>().ToList();
            Assert.Equal(messageIds.Count, messageIds.Distinct().Count());
        }
    }

    /// <summary>No instance had two turns in progress at once, and no instance's completion was committed twice.</summary>
    public static void AssertOneHostAtATime(IReadOnlyList<TurnRecord> turns)
    {
        var overlaps = TurnJournal.Overlaps(turns);
        Assert.True(overlaps.Count == 0, "Turns overlapped: " + string.Join("; ", overlaps.Take(5).Select(o =>
            $"{o.First.InstanceId}: {o.First.Host} [{o.First.Start}..{o.First.End}] and {o.Second.Host} [{o.Second.Start}..{o.Second.End}]")));
        var twice = turns.Where(t => t.CommittedCompletion).GroupBy(t => t.InstanceId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Completed twice: " + string.Join(", ", twice));
    }

    /// <summary>A backend for the test's own client calls: it owns no partitions.</summary>
    public static async Task<AzureStorageOrchestrationBackend> ClientAsync(string connectionString, string hub)
    {
        var client = new AzureStorageOrchestrationBackend(TestHostSettings.BackendOptions(connectionString, hub, "client"));
        await client.CreateIfNotExistsAsync();
        return client;
    }

    /// <summary>Schedules a Steps instance per id through the client, twenty at a time.</summary>
    public static async Task CreateAsync(IOrchestrationBackend backend, IReadOnlyList<string> ids, int steps)
    {
        var client = new DurableTaskClient(backend);
        foreach (var chunk in ids.Chunk(20))
        {
            await Task.WhenAll(chunk.Select(id => client.ScheduleNewOrchestrationInstanceAsync(StepsWorkflow.Name, steps, new StartOrchestrationOptions { InstanceId = id })));
        }
    }
}
