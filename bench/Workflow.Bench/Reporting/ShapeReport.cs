using System.Globalization;
using Workflow.Bench.Measurement;
using Workflow.Bench.Shapes;

namespace Workflow.Bench.Reporting;

/// <summary>The figures of one shape over its repetitions, formatted for the table.</summary>
internal sealed class ShapeReport(IBenchShape shape, IReadOnlyList<RepetitionRecord> records)
{
    /// <summary>A repetition slower than this multiple of the shape's median wall time is flagged.</summary>
    public const double StallFactor = 2.0;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public IBenchShape Shape => shape;

    public IReadOnlyList<RepetitionRecord> Records => records;

    public double MedianElapsedSeconds => Percentiles.Median(records.Select(r => r.Result.Elapsed.TotalSeconds));

    /// <summary>Indexes (1-based) of repetitions that failed or took more than <see cref="StallFactor"/> times the median.</summary>
    public IReadOnlyList<int> Stalled =>
        [.. records.Select((r, i) => (r, i))
            .Where(x => x.r.Result.Failure is not null || x.r.Result.Elapsed.TotalSeconds > StallFactor * MedianElapsedSeconds)
            .Select(x => x.i + 1)];

    /// <summary>The repetitions that did not finish, with why.</summary>
    public IEnumerable<string> Failures =>
        records.Select((r, i) => (r, i)).Where(x => x.r.Result.Failure is not null).Select(x => $"{shape.Key} repetition {x.i + 1}: {x.r.Result.Failure}");

    /// <summary>
    /// Storage requests per item (activity, orchestration, event, timer) and per committed turn, median
    /// [min..max] over the repetitions, when the backend counts requests; else null.
    /// </summary>
    public string? RequestsPerStep
    {
        get
        {
            var measured = records.Where(r => r.Result.Failure is null && r.Result.Items > 0 && Count(r, "storage requests") is not null).ToList();
            if (measured.Count == 0)
            {
                return null;
            }

            var perItem = measured.Select(r => Count(r, "storage requests")!.Value / (double)r.Result.Items).ToList();
            var perTurn = measured.Where(r => Count(r, "turns committed") > 0).Select(r => Count(r, "storage requests")!.Value / (double)Count(r, "turns committed")!.Value).ToList();
            var text = string.Format(Invariant, "{0:0.0} [{1:0.0}..{2:0.0}] per {3}", Percentiles.Median(perItem), perItem.Min(), perItem.Max(), ItemName);
            return perTurn.Count == 0 ? text : text + string.Format(Invariant, ", {0:0.0} per turn", Percentiles.Median(perTurn));
        }
    }

    private string ItemName => shape.Unit switch
    {
        "ms" => "timer",
        "activities/s" => "activity",
        var unit when unit.EndsWith("s/s", StringComparison.Ordinal) => unit[..^3],
        var unit => unit,
    };

    private static long? Count(RepetitionRecord record, string name) =>
        record.BackendCounts?.FirstOrDefault(c => c.Key == name) is { Key: not null } found ? found.Value : null;

    /// <summary>The main figure: median [min..max] of the rate, or the pooled lateness distribution.</summary>
    public string Figure
    {
        get
        {
            var rates = records.Where(r => r.Result.Rate is not null && r.Result.Failure is null).Select(r => r.Result.Rate!.Value).ToList();
            if (rates.Count > 0)
            {
                return $"{FormatRate(Percentiles.Median(rates))} {shape.Unit} [{FormatRate(rates.Min())}..{FormatRate(rates.Max())}]";
            }

            var lateness = records.SelectMany(r => r.Result.LatenessMs).ToList();
            if (lateness.Count == 0)
            {
                return "no repetition finished";
            }

            return string.Format(
                Invariant,
                "min {0:0} / median {1:0} / p99 {2:0} / max {3:0} ms (n={4})",
                lateness.Min(), Percentiles.Median(lateness), Percentiles.Of(lateness, 99), lateness.Max(), lateness.Count);
        }
    }

    private static string FormatRate(double rate) => rate.ToString(rate < 100 ? "0.0" : "0", Invariant);

    /// <summary>A wall time in milliseconds, with a decimal below 100 ms.</summary>
    public static string FormatMilliseconds(TimeSpan elapsed) =>
        elapsed.TotalMilliseconds.ToString(elapsed.TotalMilliseconds < 100 ? "0.0" : "0", Invariant);

    /// <summary>Each repetition's wall time in milliseconds, a stalled one marked with '!'.</summary>
    public string Repetitions
    {
        get
        {
            var stalled = Stalled;
            return string.Join(
                " ",
                records.Select((r, i) => FormatMilliseconds(r.Result.Elapsed) + (stalled.Contains(i + 1) ? "!" : string.Empty)));
        }
    }

    /// <summary>The repetition whose wall time is closest to the median, for the detail lines.</summary>
    public RepetitionRecord Typical
    {
        get
        {
            var median = MedianElapsedSeconds;
            return records.MinBy(r => Math.Abs(r.Result.Elapsed.TotalSeconds - median))!;
        }
    }
}
