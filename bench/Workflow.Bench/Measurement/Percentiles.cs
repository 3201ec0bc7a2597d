namespace Workflow.Bench.Measurement;

/// <summary>Order statistics of a sample (nearest-rank).</summary>
internal static class Percentiles
{
    public static double Median(IEnumerable<double> values) => Of(values, 50);

    /// <summary>The <paramref name="percent"/>-th percentile by nearest rank; NaN for an empty sample.</summary>
    public static double Of(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        if (percent == 50 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
