using Workflow.Bench.Backends;
using Workflow.Bench.Hosting;
using Workflow.Bench.Shapes;

namespace Workflow.Bench.Measurement;

/// <summary>
/// Runs a shape N times, each on a backend from <see cref="BenchBackendSource"/> (a fresh task hub, or the
/// used hub) with a fresh worker, recording replay time and backend counts. Every repetition, with its
/// set-up and tear-down, is bounded in time: one that overruns is stopped and reported as failed.
/// </summary>
internal sealed class ShapeRunner(BenchBackendSource source, ReplayRecorder replay)
{
    /// <summary>Set-up, tear-down and the final state reads on top of a shape's own time-out.</summary>
    private static readonly TimeSpan Overhead = TimeSpan.FromMinutes(2);

    /// <summary>Runs each shape once, unmeasured, so that JIT compilation does not land in the first repetition.</summary>
    public async Task WarmUpAsync(IEnumerable<IBenchShape> shapes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        foreach (var shape in shapes)
        {
            await RunOnceAsync(shape, cancellationToken);
        }

        replay.Take();
    }

    public async Task<IReadOnlyList<RepetitionRecord>> RunAsync(IBenchShape shape, int repetitions, Action<int, RepetitionRecord> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(progress);
        var records = new List<RepetitionRecord>(repetitions);
        for (var i = 0; i < repetitions; i++)
        {
            var record = await RunOnceAsync(shape, cancellationToken);
            records.Add(record);
            progress(i + 1, record);
        }

        return records;
    }

    private async Task<RepetitionRecord> RunOnceAsync(IBenchShape shape, CancellationToken cancellationToken)
    {
        var limit = ShapeSizes.RepetitionTimeout + shape.ExpectedDuration + Overhead;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(limit);
        var started = TimeProvider.System.GetTimestamp();
        BenchBackend? backend = null;
        try
        {
            backend = await source.CreateAsync(bounded.Token);
            RepetitionResult result;
            var commits = (Total: TimeSpan.Zero, Count: 0L);
            await using (var host = await BenchHost.StartAsync(backend, BenchTasks.Register, bounded.Token))
            {
                replay.Take();
                try
                {
                    result = await shape.RunAsync(host, bounded.Token);
                }
                catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
                {
                    result = RepetitionResult.Failed(TimeProvider.System.GetElapsedTime(started), ex.GetType().Name + ": " + ex.Message);
                }

                commits = backend.Backend.CommitTime;
            }

            return new RepetitionRecord(result, backend.WindowCounts(), ReplaySummary.From(replay.Take()), commits.Total, commits.Count);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            return new RepetitionRecord(
                RepetitionResult.Failed(elapsed, $"set-up or tear-down overran the repetition's limit of {limit}"),
                backend?.WindowCounts(),
                ReplaySummary.From(replay.Take()),
                TimeSpan.Zero,
                0);
        }
        finally
        {
            if (backend?.Cleanup is { } cleanup)
            {
                using var cleaning = new CancellationTokenSource(Overhead);
                try
                {
                    await cleanup(cleaning.Token);
                }
                catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"warning: could not delete task hub {backend.TaskHub}: {ex.Message}");
                }
            }
        }
    }
}
