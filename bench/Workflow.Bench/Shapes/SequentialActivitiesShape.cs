using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>One instance calling N activities one after the other.</summary>
internal sealed class SequentialActivitiesShape(int activities) : IBenchShape
{
    public string Key => "sequential";

    public string Title => $"{activities} sequential activities in one instance";

    public string Unit => "activities/s";

    public async Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Backend.MarkStart();
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.Sequence, activities, cancellationToken: cancellationToken);
        var states = await CompletionWatcher.WaitAllAsync(host.Backend, [id], ShapeSizes.RepetitionTimeout, false, cancellationToken);
        return RepetitionResult.Throughput(CompletionWatcher.LastCompletion(host.Backend.Backend, states) - start, activities);
    }
}
