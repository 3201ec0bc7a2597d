using Workflow.Bench.Hosting;
using Workflow.Durable.History;

namespace Workflow.Bench.Shapes;

/// <summary>
/// Starts instances that each wait on one durable timer and measures, per instance, how late the
/// orchestrator observed the timer: the start time of the turn after the timer (the instance's output)
/// minus the FireAt recorded in its TimerCreated event.
/// </summary>
internal static class TimerLateness
{
    public static async Task<IReadOnlyList<double>> MeasureAsync(BenchHost host, int instances, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ids = new List<string>(instances);
        for (var i = 0; i < instances; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.Timer, delay.TotalSeconds, cancellationToken: cancellationToken));
        }

        var timeout = ShapeSizes.RepetitionTimeout + delay;
        await CompletionWatcher.WaitAllAsync(host.Backend, ids, timeout, false, cancellationToken);

        var lateness = new List<double>(instances);
        foreach (var id in ids)
        {
            var metadata = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
            var observed = metadata?.ReadOutputAs<DateTime>() ?? throw new InvalidOperationException($"instance {id} has no output");
            var history = await host.Client.GetHistoryAsync(id, cancellationToken);
            var created = history.OfType<TimerCreatedEvent>().Single();
            lateness.Add((DateTime.SpecifyKind(observed, DateTimeKind.Utc) - created.FireAt).TotalMilliseconds);
        }

        return lateness;
    }
}
