using Workflow.Bench.Backends;
using Workflow.Bench.Hosting;
using Workflow.Bench.Shapes;

namespace Workflow.Bench.Measurement;

/// <summary>Runs a shape N times, each on a fresh backend and worker, recording replay time and backend counts.</summary>
internal sealed class ShapeRunner(string backendName, ReplayRecorder replay)
{
    /// <summary>Runs each shape once, unmeasured, so that JIT compilation does not land in the first repetition.</summary>
    public async Task WarmUpAsync(IEnumerable<IBenchShape> shapes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        foreach (var shape in shapes)
        {
            var backend = await BenchBackend.CreateAsync(backendName, cancellationToken);
            await using var host = await BenchHost.StartAsync(backend, BenchTasks.Register, cancellationToken);
            await shape.RunAsync(host, cancellationToken);
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
            var backend = await BenchBackend.CreateAsync(backendName, cancellationToken);
            await using var host = await BenchHost.StartAsync(backend, BenchTasks.Register, cancellationToken);
            replay.Take();
            var result = await shape.RunAsync(host, cancellationToken);
            var commits = backend.Backend.CommitTime;
            var record = new RepetitionRecord(result, backend.Statistics?.Read(), ReplaySummary.From(replay.Take()), commits.Total, commits.Count);
            records.Add(record);
            progress(i + 1, record);
        }

        return records;
    }
}
