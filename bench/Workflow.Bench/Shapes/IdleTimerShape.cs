using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>
/// One timer created after the worker has been idle for a while: exposes a worker or backend that backs
/// off its polling while nothing happens and then wakes late.
/// </summary>
internal sealed class IdleTimerShape(TimeSpan idle, TimeSpan delay) : IBenchShape
{
    public string Key => "idle";

    public string Title => $"one timer of {delay.TotalSeconds:0.#} s after {idle.TotalSeconds:0.#} s idle: lateness";

    public string Unit => "ms";

    public TimeSpan ExpectedDuration => idle + delay;

    public async Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Backend.MarkStart();
        var started = TimeProvider.System.GetTimestamp();
        await Task.Delay(idle, TimeProvider.System, cancellationToken);
        var lateness = await TimerLateness.MeasureAsync(host, 1, delay, cancellationToken);
        return RepetitionResult.Lateness(TimeProvider.System.GetElapsedTime(started), lateness);
    }
}
