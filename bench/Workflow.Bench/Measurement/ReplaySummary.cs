namespace Workflow.Bench.Measurement;

/// <summary>Replay time of one repetition: total, per turn, and the first and last turns (to show growth with history length).</summary>
internal sealed record ReplaySummary(int Turns, double TotalMs, double MedianMs, double MaxMs, double FirstTenMeanMs, double LastTenMeanMs)
{
    public static ReplaySummary From(IReadOnlyList<double> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        if (turns.Count == 0)
        {
            return new ReplaySummary(0, 0, 0, 0, 0, 0);
        }

        var window = Math.Min(10, turns.Count);
        return new ReplaySummary(
            turns.Count,
            turns.Sum(),
            Percentiles.Median(turns),
            turns.Max(),
            turns.Take(window).Average(),
            turns.Skip(turns.Count - window).Average());
    }
}
