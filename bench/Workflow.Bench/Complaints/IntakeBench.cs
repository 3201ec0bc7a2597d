using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Workflow.Bench.Measurement;
using Workflow.Testing;

namespace Workflow.Bench.Complaints;

/// <summary>
/// Intake throughput (SPEC issue 5, "Performance"): <c>POST /api/complaints</c> from several clients against one host
/// on Azurite. A 202 means the case was recorded and its orchestration scheduled (accepted and started); the
/// acknowledgement SMS in the outbox shows its first steps ran. A second, smaller run on an Azurite with its debug
/// log on counts the storage requests per case.
/// </summary>
internal static class IntakeBench
{
    private const int WarmUp = 16;

    public static async Task<int> RunAsync(ComplaintsBenchOptions options, CancellationToken ct)
    {
        var cases = options.Cases ?? 400;
        await using (var azurite = options.Storage is null ? await Azurite.StartPrivateAsync(null, ct) : null)
        {
            await using var host = await ComplaintsBenchHost.StartAsync(options.Storage ?? azurite!.ConnectionString, null, ct);
            for (var i = 0; i < WarmUp; i++)
            {
                await host.FileAsync(ct);
            }

            var latencies = new ConcurrentBag<double>();
            var refused = new ConcurrentBag<HttpStatusCode>();
            var limit = TimeSpan.FromSeconds(options.Seconds);
            var clock = Stopwatch.StartNew();
            var issued = 0;
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
            {
                while (Interlocked.Increment(ref issued) <= cases && clock.Elapsed < limit)
                {
                    var (status, elapsed) = await host.FileAsync(ct);
                    if (status == HttpStatusCode.Accepted)
                    {
                        latencies.Add(elapsed.TotalMilliseconds);
                    }
                    else
                    {
                        refused.Add(status);
                    }
                }
            }));
            var posting = clock.Elapsed;
            var accepted = latencies.Count;
            while (await host.AcknowledgedAsync(ct) < accepted + WarmUp && clock.Elapsed < posting + TimeSpan.FromMinutes(10))
            {
                await Task.Delay(500, ct);
            }

            var acknowledged = await host.AcknowledgedAsync(ct) - WarmUp;
            var untilAcknowledged = clock.Elapsed;
            var (workingSet, gcHeap) = await host.MemoryAsync(ct);
            Console.WriteLine($"intake: {options.Clients} clients, {accepted} cases accepted (202) in {Seconds(posting)} s, {refused.Count} refused");
            Console.WriteLine($"  accepted and started: {Rate(accepted, posting)} cases/s");
            Console.WriteLine($"  POST /api/complaints latency: p50 {Ms(Percentiles.Of(latencies, 50))} ms, p99 {Ms(Percentiles.Of(latencies, 99))} ms, max {Ms(latencies.IsEmpty ? double.NaN : latencies.Max())} ms");
            Console.WriteLine($"  acknowledgement SMS recorded for {acknowledged} of them {Seconds(untilAcknowledged)} s after the first post: {Rate(acknowledged, untilAcknowledged)} cases/s through their first steps");
            Console.WriteLine($"  host memory after the run: working set {Mb(workingSet)} MB, managed heap {Mb(gcHeap)} MB");
        }

        await CountRequestsAsync(options, ct);
        return 0;
    }

    // The same host on an Azurite with its debug log on (which slows Azurite, so no timings here): an idle
    // window gives the background rate (lease renewals, queue polls), then K cases are filed and followed to
    // their acknowledgement.
    private static async Task CountRequestsAsync(ComplaintsBenchOptions options, CancellationToken ct)
    {
        var log = Path.Combine(Path.GetTempPath(), "workflow-bench-azurite-" + Guid.NewGuid().ToString("N") + ".log");
        try
        {
            await using var azurite = await Azurite.StartPrivateAsync(log, ct);
            await using var host = await ComplaintsBenchHost.StartAsync(azurite.ConnectionString, null, ct);
            var requests = new StorageRequestLog(log);
            var prefixes = new Dictionary<string, string>
            {
                [host.CasePrefix] = "{cases}",
                [host.SmsPrefix] = "{sms}",
                [host.HubName] = "{hub}",
            };
            await host.FileAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            requests.ReadNew(prefixes);
            var idle = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            var background = requests.ReadNew(prefixes).Values.Sum() / idle.Elapsed.TotalSeconds;

            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.CountedCases).Select(_ => host.FileAsync(ct)));
            var polls = 0;
            while (await host.AcknowledgedAsync(ct) < options.CountedCases + 1 && clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                polls++;
                await Task.Delay(1000, ct);
            }

            polls++;
            var acknowledgedAfter = clock.Elapsed;

            // The cases go on past the acknowledgement (clocks started, case row updated), and Azurite writes its log
            // late: count until two seconds pass at the background rate.
            var counted = new Dictionary<string, int>(StringComparer.Ordinal);
            while (clock.Elapsed < acknowledgedAfter + TimeSpan.FromMinutes(2))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                var fresh = requests.ReadNew(prefixes);
                foreach (var (resource, count) in fresh)
                {
                    counted[resource] = counted.GetValueOrDefault(resource) + count;
                }

                if (fresh.Values.Sum() <= (background * 2 * 1.5) + 2 && clock.Elapsed > acknowledgedAfter + TimeSpan.FromSeconds(6))
                {
                    break;
                }
            }

            var window = clock.Elapsed;
            var total = counted.Values.Sum() - polls - (background * window.TotalSeconds);
            Console.WriteLine($"storage requests (a second run, Azurite debug log): {options.CountedCases} cases filed at once, acknowledged after {Seconds(acknowledgedAfter)} s, counted until quiet ({Seconds(window)} s)");
            Console.WriteLine($"  background while idle: {background.ToString("F1", CultureInfo.InvariantCulture)} requests/s (partition leases, queue polls)");
            Console.WriteLine($"  per case, background and the benchmark's own {polls} polls taken out: {(total / options.CountedCases).ToString("F1", CultureInfo.InvariantCulture)} requests");
            foreach (var (resource, count) in counted.OrderByDescending(p => p.Value).Take(14))
            {
                Console.WriteLine($"    {resource,-40} {count,6}  ({(count / (double)options.CountedCases).ToString("F1", CultureInfo.InvariantCulture)} per case, background included)");
            }
        }
        finally
        {
            File.Delete(log);
        }
    }

    private static string Rate(int count, TimeSpan elapsed) => (count / elapsed.TotalSeconds).ToString("F1", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString("F0", CultureInfo.InvariantCulture);

    internal static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
