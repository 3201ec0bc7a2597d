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
        output.WriteLine($"| shape | median [min..max] over {repetitions} | wall time per repetition, ms ('!' = over {ShapeReport.StallFactor}x median) |");
        output.WriteLine("| --- | --- | --- |");
        foreach (var report in reports)
        {
            output.WriteLine($"| {report.Shape.Title} | {report.Figure} | {report.Repetitions} |");
        }

        var stalled = reports.Where(r => r.Stalled.Count > 0).ToList();
        output.WriteLine();
        output.WriteLine(stalled.Count == 0
            ? $"no repetition took more than {ShapeReport.StallFactor}x its shape's median"
            : "STALLED: " + string.Join("; ", stalled.Select(r => $"{r.Shape.Key} repetition(s) {string.Join(",", r.Stalled)}")));
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

            output.WriteLine("  backend: " + string.Join(", ", typical.BackendCounts.Select(c => $"{c.Key} {c.Value}")));
        }
    }
}
