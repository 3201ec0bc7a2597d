using System.Diagnostics;
using System.Globalization;
using System.Net;
using Workflow.Bench.Measurement;
using Workflow.Testing;

namespace Workflow.Bench.Complaints;

/// <summary>
/// Many open cases with running clocks on one host (SPEC issue 5, "Performance"): N cases are filed, each with its
/// forward clock (shortened to M minutes so it runs out during the run; the first-response clock keeps its day) and
/// the supervisor's clock that follows a breach. The host's memory is read while every case is open, and each
/// breach's lateness is its timeline time minus the deadline it breached (both from the orchestration). None may
/// be early.
/// </summary>
internal static class OpenCasesBench
{
    public static async Task<int> RunAsync(ComplaintsBenchOptions options, CancellationToken ct)
    {
        var cases = options.Cases ?? 10_000;
        var forward = TimeSpan.FromMinutes(options.ForwardMinutes);
        await using var azurite = options.Storage is null ? await Azurite.StartPrivateAsync(null, ct) : null;
        await using var host = await ComplaintsBenchHost.StartAsync(options.Storage ?? azurite!.ConnectionString, new Dictionary<string, string>
        {
            ["ServiceLevels:Clocks:Forward:Length"] = forward.ToString("c", CultureInfo.InvariantCulture),
        }, ct);
        var (idleWorkingSet, idleHeap) = await host.MemoryAsync(ct);
        var peak = (WorkingSet: idleWorkingSet, GcHeap: idleHeap);
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var (ws, heap) = await host.MemoryAsync(CancellationToken.None);
                peak = (Math.Max(peak.WorkingSet, ws), Math.Max(peak.GcHeap, heap));
                await Task.Delay(TimeSpan.FromSeconds(5), sampling.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var filed = 0;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref filed) <= cases)
            {
                var (status, _) = await host.FileAsync(ct);
                if (status != HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref refused);
                }

                if (filed % 1000 == 0)
                {
                    Console.WriteLine($"  {filed} filed after {clock.Elapsed.TotalSeconds:F0} s");
                }
            }
        }));
        var filing = clock.Elapsed;
        var opened = await WaitAsync(() => host.AcknowledgedAsync(ct), cases - refused, TimeSpan.FromMinutes(30), ct);
        var allOpen = clock.Elapsed;
        var (openWorkingSet, openHeap) = await host.MemoryAsync(ct);
        Console.WriteLine($"open-cases: {cases - refused} cases filed in {filing.TotalSeconds:F0} s ({refused} refused), {opened} running with clocks after {allOpen.TotalSeconds:F0} s");
        Console.WriteLine($"  host memory: idle {IntakeBench.Mb(idleWorkingSet)} MB working set / {IntakeBench.Mb(idleHeap)} MB managed heap; " +
            $"every case open {IntakeBench.Mb(openWorkingSet)} / {IntakeBench.Mb(openHeap)} MB");

        // Each case's forward clock breaches M minutes after it started, the supervisor's M/2 later.
        var expected = 2 * (cases - refused);
        var breaches = await WaitForBreachesAsync(host, expected, filing + forward * 1.5 + TimeSpan.FromMinutes(20), clock, ct);
        await sampling.CancelAsync();
        await sampler;
        var (endWorkingSet, endHeap) = await host.MemoryAsync(ct);
        var lateness = breaches.Select(b => (b.GetDateTimeOffset("Time")!.Value - b.GetDateTimeOffset("OldDeadline")!.Value).TotalMilliseconds).ToList();
        var early = lateness.Count(l => l < 0);
        Console.WriteLine($"  peak during the run {IntakeBench.Mb(peak.WorkingSet)} / {IntakeBench.Mb(peak.GcHeap)} MB; at the end {IntakeBench.Mb(endWorkingSet)} / {IntakeBench.Mb(endHeap)} MB");
        Console.WriteLine($"  clock breaches fired: {lateness.Count} of {expected} after {clock.Elapsed.TotalSeconds:F0} s; early: {early}");
        Console.WriteLine($"  lateness: p50 {Ms(Percentiles.Of(lateness, 50))} ms, p99 {Ms(Percentiles.Of(lateness, 99))} ms, max {Ms(lateness.Count == 0 ? double.NaN : lateness.Max())} ms");
        return early == 0 && lateness.Count == expected ? 0 : 1;
    }

    private static async Task<List<Azure.Data.Tables.TableEntity>> WaitForBreachesAsync(
        ComplaintsBenchHost host, int expected, TimeSpan until, Stopwatch clock, CancellationToken ct)
    {
        // Reading the timeline scans it; wait until the last breach is due before the first read.
        var firstLook = until - TimeSpan.FromMinutes(20);
        if (firstLook > clock.Elapsed)
        {
            await Task.Delay(firstLook - clock.Elapsed, ct);
        }

        while (true)
        {
            var rows = await host.TimelineAsync(["deadline-breached"], ct);
            var forward = rows.Where(r => r.GetString("Clock") == "forward").ToList();
            Console.WriteLine($"  {forward.Count} of {expected} breaches after {clock.Elapsed.TotalSeconds:F0} s");
            if (forward.Count >= expected || clock.Elapsed > until)
            {
                return forward;
            }

            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        }
    }

    private static async Task<int> WaitAsync(Func<Task<int>> count, int expected, TimeSpan limit, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int seen;
        while ((seen = await count()) < expected && clock.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }

        return seen;
    }

    private static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);
}
