namespace Workflow.Bench.Shapes;

/// <summary>
/// What one repetition of a shape measured: its wall time, and either a throughput (items per second)
/// or timer lateness samples in milliseconds (negative = early).
/// </summary>
internal sealed record RepetitionResult(TimeSpan Elapsed, double? Rate, IReadOnlyList<double> LatenessMs)
{
    public static RepetitionResult Throughput(TimeSpan elapsed, int items) =>
        new(elapsed, items / Math.Max(elapsed.TotalSeconds, 1e-9), []);

    public static RepetitionResult Lateness(TimeSpan elapsed, IReadOnlyList<double> latenessMs) => new(elapsed, null, latenessMs);
}
