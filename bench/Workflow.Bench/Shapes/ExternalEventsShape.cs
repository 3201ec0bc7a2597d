using Workflow.Bench.Hosting;
using Workflow.Durable.History;

namespace Workflow.Bench.Shapes;

/// <summary>
/// N instances already waiting for an event; one event raised to each. Timed from the first raise to the
/// last completion, so starting the instances is not counted.
/// </summary>
internal sealed class ExternalEventsShape(int instances) : IBenchShape
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public string Key => "events";

    public string Title => $"{instances} external events to {instances} waiting instances";

    public string Unit => "events/s";

    public async Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ids = new List<string>(instances);
        for (var i = 0; i < instances; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.WaitForEvent, 0, cancellationToken: cancellationToken));
        }

        await WaitUntilAllWaitingAsync(host, ids, cancellationToken);

        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var id in ids)
        {
            await host.Client.RaiseEventAsync(id, BenchTasks.EventName, 1, cancellationToken);
        }

        var states = await CompletionWatcher.WaitAllAsync(host.Backend.Backend, ids, ShapeSizes.RepetitionTimeout, false, cancellationToken);
        return RepetitionResult.Throughput(CompletionWatcher.LastCompletion(host.Backend.Backend, states) - start, instances);
    }

    // An instance waits once its first turn has committed (its history ends with OrchestratorCompleted).
    private static async Task WaitUntilAllWaitingAsync(BenchHost host, List<string> ids, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ShapeSizes.RepetitionTimeout);
        var pending = new HashSet<string>(ids, StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                var history = await host.Client.GetHistoryAsync(id, deadline.Token);
                if (history.Any(e => e is OrchestratorCompletedEvent))
                {
                    pending.Remove(id);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
        }
    }
}
