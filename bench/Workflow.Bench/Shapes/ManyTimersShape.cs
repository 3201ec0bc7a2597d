using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>N instances, each with one timer, all created at about the same time.</summary>
internal sealed class ManyTimersShape(int timers, TimeSpan delay) : IBenchShape
{
    public string Key => "timers";

    public string Title => $"{timers} timers of {delay.TotalSeconds:0.#} s: lateness";

    public string Unit => "ms";

    public TimeSpan ExpectedDuration => delay;

    public async Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Backend.MarkStart();
        var started = TimeProvider.System.GetTimestamp();
        var lateness = await TimerLateness.MeasureAsync(host, timers, delay, cancellationToken);
        return RepetitionResult.Lateness(TimeProvider.System.GetElapsedTime(started), lateness);
    }
}
