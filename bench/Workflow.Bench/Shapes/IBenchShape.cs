using Workflow.Bench.Hosting;

namespace Workflow.Bench.Shapes;

/// <summary>One workload of the benchmark, run once per repetition on a fresh host.</summary>
internal interface IBenchShape
{
    /// <summary>The key used by <c>--shapes</c>.</summary>
    string Key { get; }

    /// <summary>What the shape does, with its size.</summary>
    string Title { get; }

    /// <summary>The unit of <see cref="RepetitionResult.Rate"/>, or the lateness unit.</summary>
    string Unit { get; }

    /// <summary>How long the shape waits by design (idle time, timer delays), added to its time limit.</summary>
    TimeSpan ExpectedDuration => TimeSpan.Zero;

    /// <summary>Runs one repetition on <paramref name="host"/>, which was started just before.</summary>
    Task<RepetitionResult> RunAsync(BenchHost host, CancellationToken cancellationToken);
}
