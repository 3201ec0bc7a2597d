using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>One instance scheduling N activities at once and awaiting them all.</summary>
internal sealed class FanOutFanInShape(int activities) : IBenchShape
{
    public string Key => "fanout";

    public string Title => $"fan-out/fan-in of {activities} activities";

    public string Unit => "activities/s";

    public async Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Backend.MarkStart();
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.FanOut, activities, cancellationToken: cancellationToken);
        var states = await CompletionWatcher.WaitAllAsync(host.Backend, [id], ShapeSizes.RepetitionTimeout, false, cancellationToken);
        return RepetitionResult.Throughput(CompletionWatcher.LastCompletion(host.Backend.Backend, states) - start, activities);
    }
}
