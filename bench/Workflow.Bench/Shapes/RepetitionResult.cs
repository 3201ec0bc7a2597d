namespace Workflow.Bench.Shapes;

/// <summary>
/// What one repetition of a shape measured: its wall time, how many items it processed (activities,
/// orchestrations, events, timers), and either a throughput (items per second) or timer lateness
/// samples in milliseconds (negative = early).
/// </summary>
internal sealed record RepetitionResult(TimeSpan Elapsed, double? Rate, IReadOnlyList<double> LatenessMs, int Items)
{
    /// <summary>Why the repetition did not finish (a time-out or an error), or null when it did.</summary>
    public string? Failure { get; init; }

    public static RepetitionResult Throughput(TimeSpan elapsed, int items) =>
        new(elapsed, items / Math.Max(elapsed.TotalSeconds, 1e-9), [], items);

    public static RepetitionResult Lateness(TimeSpan elapsed, IReadOnlyList<double> latenessMs)
    {
        ArgumentNullException.ThrowIfNull(latenessMs);
        return new(elapsed, null, latenessMs, latenessMs.Count);
    }

    /// <summary>A repetition that did not finish within <paramref name="elapsed"/>.</summary>
    public static RepetitionResult Failed(TimeSpan elapsed, string failure) => new(elapsed, null, [], 0) { Failure = failure };
}
