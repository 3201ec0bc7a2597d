using Workflow.Bench.Backends;
using Workflow.Durable;
using Workflow.Durable.Backend;

namespace Workflow.Bench.Shapes;

/// <summary>
/// Waits for a set of instances to end and returns their final states. The completion time used for
/// rates is when each instance's final commit returned (recorded by <see cref="MeasuringBackend"/>), so the
/// polling interval does not add to the measured time.
/// </summary>
internal static class CompletionWatcher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<IReadOnlyList<OrchestrationState>> WaitAllAsync(
        MeasuringBackend backend, IReadOnlyCollection<string> instanceIds, TimeSpan timeout, bool fetchPayloads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(instanceIds);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var pending = new HashSet<string>(instanceIds, StringComparer.Ordinal);
        var done = new List<OrchestrationState>(instanceIds.Count);
        try
        {
            while (pending.Count > 0)
            {
                foreach (var id in pending.ToList())
                {
                    var state = await backend.GetInstanceAsync(id, fetchPayloads, deadline.Token);
                    if (state is null || !state.RuntimeStatus.IsTerminal())
                    {
                        continue;
                    }

                    if (state.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
                    {
                        throw new InvalidOperationException($"instance {id} ended {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
                    }

                    if (backend.CompletedAt(id) is null)
                    {
                        // The state is visible before the final commit call has returned; look again.
                        continue;
                    }

                    pending.Remove(id);
                    done.Add(state);
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(PollInterval, deadline.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{pending.Count} of {instanceIds.Count} instances had not completed after {timeout}");
        }

        return done;
    }

    /// <summary>When the last of <paramref name="states"/> finished committing its final turn.</summary>
    public static DateTime LastCompletion(MeasuringBackend backend, IEnumerable<OrchestrationState> states)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return states.Max(s => backend.CompletedAt(s.InstanceId) ?? throw new InvalidOperationException($"no final commit recorded for {s.InstanceId}"));
    }
}
