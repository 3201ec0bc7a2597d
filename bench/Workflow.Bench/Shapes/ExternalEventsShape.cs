using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>
/// N instances already waiting for an event; one event raised to each. Timed from the first raise to the
/// last completion, so starting the instances is not counted.
/// </summary>
internal sealed class ExternalEventsShape(int instances) : IBenchShape
{
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

        host.Backend.MarkStart();
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var id in ids)
        {
            await host.Client.RaiseEventAsync(id, BenchTasks.EventName, 1, cancellationToken);
        }

        var states = await CompletionWatcher.WaitAllAsync(host.Backend, ids, ShapeSizes.RepetitionTimeout, false, cancellationToken);
        return RepetitionResult.Throughput(CompletionWatcher.LastCompletion(host.Backend.Backend, states) - start, instances);
    }

    // An instance waits once its first turn has committed (observed in process, without reading storage).
    private static Task WaitUntilAllWaitingAsync(BenchHost host, List<string> ids, CancellationToken cancellationToken) =>
        CompletionWatcher.WaitUntilAsync(
            () => ids.TrueForAll(host.Backend.Backend.HasCommitted),
            ShapeSizes.RepetitionTimeout,
            () => $"{ids.Count(id => !host.Backend.Backend.HasCommitted(id))} of {ids.Count} instances had not started waiting after {ShapeSizes.RepetitionTimeout}",
            cancellationToken);
}
