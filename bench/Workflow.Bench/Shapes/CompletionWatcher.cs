using Workflow.Bench.Backends;
using Workflow.Durable;
using Workflow.Durable.Backend;

namespace Workflow.Bench.Shapes;

/// <summary>
/// Waits for a set of instances to end and returns their final states. Completion is observed in
/// process, from the final commits <see cref="MeasuringBackend"/> records (so waiting adds no storage
/// reads to the measured window, and the polling interval does not add to the measured time); the
/// measured window's counts are taken then, and only afterwards each state is read once to check it.
/// </summary>
internal static class CompletionWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static async Task<IReadOnlyList<OrchestrationState>> WaitAllAsync(
        BenchBackend backend, IReadOnlyCollection<string> instanceIds, TimeSpan timeout, bool fetchPayloads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(instanceIds);
        await WaitUntilAsync(
            () => instanceIds.All(id => backend.Backend.CompletedAt(id) is not null),
            timeout,
            () => $"{instanceIds.Count(id => backend.Backend.CompletedAt(id) is null)} of {instanceIds.Count} instances had not completed after {timeout}",
            cancellationToken);
        backend.MarkEnd();

        var done = new List<OrchestrationState>(instanceIds.Count);
        foreach (var id in instanceIds)
        {
            var state = await backend.Backend.GetInstanceAsync(id, fetchPayloads, cancellationToken)
                ?? throw new InvalidOperationException($"instance {id} committed its final turn but has no state");
            if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"instance {id} ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
            }

            done.Add(state);
        }

        return done;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking in memory; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var waited = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(waited) > timeout)
            {
                throw new TimeoutException(describe());
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>When the last of <paramref name="states"/> finished committing its final turn.</summary>
    public static DateTime LastCompletion(MeasuringBackend backend, IEnumerable<OrchestrationState> states)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return states.Max(s => backend.CompletedAt(s.InstanceId) ?? throw new InvalidOperationException($"no final commit recorded for {s.InstanceId}"));
    }
}
