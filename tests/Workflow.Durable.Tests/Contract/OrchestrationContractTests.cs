using Microsoft.Extensions.Time.Testing;
using Workflow.Durable.Backend;
using Workflow.Durable.Client;
using Workflow.Durable.History;
using Workflow.Durable.Worker;
using Xunit;

namespace Workflow.Durable.Tests.Contract;

/// <summary>
/// The behaviour every backend must show, run through the real worker and client. Each backend's test
/// class derives from this one and supplies an <see cref="IBackendFactory"/>.
/// </summary>
public abstract partial class OrchestrationContractTests
{
    /// <summary>The longest any single test waits for an instance.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The backend kind under test.</summary>
    protected abstract IBackendFactory Factory { get; }

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    private async Task<DurableTestHost> StartAsync(
        Action<DurableTaskRegistry> tasks, TimeProvider? time = null, IFaultInjector? faults = null, TimeSpan? lockTimeout = null, int concurrency = 4)
    {
        var backend = await Factory.CreateAsync(time ?? TimeProvider.System, faults ?? NoFaults.Instance, lockTimeout ?? TimeSpan.FromSeconds(30));
        return await DurableTestHost.StartAsync(backend, tasks, concurrency: concurrency);
    }

    private static async Task<OrchestrationMetadata> CompletionAsync(DurableTestHost host, string id)
    {
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Timeout());
        Assert.NotNull(done);
        return done;
    }

    /// <summary>Advances fake time in steps until the instance ends.</summary>
    private static async Task<OrchestrationMetadata> CompletionAsync(DurableTestHost host, string id, FakeTimeProvider time, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var state = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            if (state is { IsCompleted: true })
            {
                return state;
            }

            time.Advance(step);
            await Task.Delay(5);
        }

        throw new TimeoutException($"Instance {id} did not complete.");
    }

    /// <summary>Waits (real time) until the instance's history satisfies <paramref name="condition"/>.</summary>
    private static async Task WaitForHistoryAsync(DurableTestHost host, string id, Func<IReadOnlyList<HistoryEvent>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (condition(await host.Client.GetHistoryAsync(id)))
            {
                return;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"The history of {id} never reached the expected state.");
    }

    private static void AssertNoDuplicates(IReadOnlyList<HistoryEvent> history)
    {
        Assert.Single(history.OfType<ExecutionStartedEvent>());
        Assert.True(history.OfType<ExecutionCompletedEvent>().Count() <= 1, "more than one ExecutionCompleted");
        Assert.Equal(history.Count(e => e.MessageId is not null), history.Where(e => e.MessageId is not null).Select(e => e.MessageId).Distinct().Count());
        AssertUnique(history.Where(IsAction).Select(e => e.EventId), "action task id");
        AssertUnique(history.OfType<TaskCompletedEvent>().Select(e => e.TaskScheduledId).Concat(history.OfType<TaskFailedEvent>().Select(e => e.TaskScheduledId)), "task result");
        AssertUnique(history.OfType<TimerFiredEvent>().Select(e => e.TimerId), "timer fired");
        AssertUnique(history.OfType<SubOrchestrationInstanceCompletedEvent>().Select(e => e.TaskScheduledId), "sub-orchestration result");
    }

    private static bool IsAction(HistoryEvent e) => e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent;

    private static void AssertUnique(IEnumerable<int> ids, string what)
    {
        var list = ids.ToList();
        var duplicates = list.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what}: {string.Join(", ", duplicates)}");
    }
}
