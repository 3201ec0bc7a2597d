using System.Globalization;

namespace Workflow.Bench.Reporting;

/// <summary>Prints the result table (Markdown, so it can be pasted into docs/benchmarks.md) and the per-shape details.</summary>
internal sealed class ReportWriter(TextWriter output)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public void WriteTable(IReadOnlyList<ShapeReport> reports, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(reports);
        output.WriteLine();
        var requests = reports.Any(r => r.RequestsPerStep is not null);
        output.WriteLine($"| shape | median [min..max] over {repetitions} |{(requests ? " storage requests, median [min..max] |" : string.Empty)} wall time per repetition, ms ('!' = over {ShapeReport.StallFactor}x median or failed) |");
        output.WriteLine(requests ? "| --- | --- | --- | --- |" : "| --- | --- | --- |");
        foreach (var report in reports)
        {
            output.WriteLine($"| {report.Shape.Title} | {report.Figure} |{(requests ? $" {report.RequestsPerStep ?? "-"} |" : string.Empty)} {report.Repetitions} |");
        }

        var stalled = reports.Where(r => r.Stalled.Count > 0).ToList();
        output.WriteLine();
        output.WriteLine(stalled.Count == 0
            ? $"no repetition took more than {ShapeReport.StallFactor}x its shape's median"
            : "STALLED: " + string.Join("; ", stalled.Select(r => $"{r.Shape.Key} repetition(s) {string.Join(",", r.Stalled)}")));
        foreach (var failure in reports.SelectMany(r => r.Failures))
        {
            output.WriteLine("FAILED: " + failure);
        }
    }

    /// <summary>
    /// For a used hub: each shape's first and last repetition side by side (the last ran on a hub holding
    /// every earlier run's data), as wall-time ratio last / first.
    /// </summary>
    public void WriteTrend(IReadOnlyList<ShapeReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        output.WriteLine();
        output.WriteLine("Used hub, first and last repetition of each shape (the last ran on the hub holding all earlier runs' data):");
        foreach (var report in reports.Where(r => r.Records.Count > 1))
        {
            var first = report.Records[0].Result;
            var last = report.Records[^1].Result;
            output.WriteLine(string.Format(
                Invariant,
                "  {0}: {1} ms -> {2} ms, last / first = {3:0.00}x",
                report.Shape.Key,
                ShapeReport.FormatMilliseconds(first.Elapsed),
                ShapeReport.FormatMilliseconds(last.Elapsed),
                last.Elapsed.TotalMilliseconds / Math.Max(first.Elapsed.TotalMilliseconds, 1e-3)));
        }
    }

    public void WriteDetails(IReadOnlyList<ShapeReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        output.WriteLine();
        output.WriteLine("Per shape, the repetition closest to the median wall time:");
        foreach (var report in reports)
        {
            var typical = report.Typical;
            output.WriteLine();
            output.WriteLine($"{report.Shape.Key}: {report.Shape.Title}");
            var replay = typical.Replay;
            output.WriteLine(string.Format(
                Invariant,
                "  replay+turn: {0} turns, {1:0} ms in total ({2:0.0}% of the wall time), per turn median {3:0.00} ms, max {4:0.00} ms, first 10 mean {5:0.00} ms, last 10 mean {6:0.00} ms",
                replay.Turns,
                replay.TotalMs,
                100 * replay.TotalMs / Math.Max(typical.Result.Elapsed.TotalMilliseconds, 1),
                replay.MedianMs,
                replay.MaxMs,
                replay.FirstTenMeanMs,
                replay.LastTenMeanMs));
            output.WriteLine(string.Format(
                Invariant,
                "  commit calls: {0}, {1:0} ms in total, {2:0.000} ms mean",
                typical.CommitCalls,
                typical.CommitTime.TotalMilliseconds,
                typical.CommitTime.TotalMilliseconds / Math.Max(typical.CommitCalls, 1)));
            if (typical.BackendCounts is null)
            {
                output.WriteLine("  backend statistics: not exposed by this backend");
                continue;
            }

            output.WriteLine("  backend: " + string.Join(", ", typical.BackendCounts.Where(c => c.Value != 0).Select(c => $"{c.Key} {c.Value}")));
        }
    }
}
