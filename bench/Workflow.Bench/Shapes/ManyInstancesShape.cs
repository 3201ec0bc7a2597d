using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>N instances of a 3-activity sequence, scheduled as fast as the client can; timed from the first schedule to the last completion.</summary>
internal sealed class ManyInstancesShape(int instances) : IBenchShape
{
    private const int ActivitiesPerInstance = 3;

    public string Key => "instances";

    public string Title => $"{instances} instances x {ActivitiesPerInstance} sequential activities";

    public string Unit => "orchestrations/s";

    public async Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Backend.MarkStart();
        var start = TimeProvider.System.GetUtcNow().UtcDateTime;
        var ids = new List<string>(instances);
        for (var i = 0; i < instances; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(BenchTasks.Sequence, ActivitiesPerInstance, cancellationToken: cancellationToken));
        }

        var states = await CompletionWatcher.WaitAllAsync(host.Backend, ids, ShapeSizes.RepetitionTimeout, false, cancellationToken);
        return RepetitionResult.Throughput(CompletionWatcher.LastCompletion(host.Backend.Backend, states) - start, instances);
    }
}
