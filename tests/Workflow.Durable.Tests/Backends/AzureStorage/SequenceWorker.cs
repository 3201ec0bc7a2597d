using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Workflow.Durable.Backend;
using Workflow.Durable.History;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>
/// A test worker whose every instance runs <c>steps</c> activities in sequence. It discards
/// duplicate messages by id, as the real worker does, and records any moment two hosts held the
/// same instance at once.
/// </summary>
internal sealed class SequenceWorker(IOrchestrationBackend backend, string host, int steps, ConcurrentDictionary<string, string> active)
{
    public int Overlaps;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(RunOrchestrationsAsync(cancellationToken), RunActivitiesAsync(cancellationToken));

    private async Task RunOrchestrationsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            OrchestrationWorkItem? item;
            try
            {
                item = await backend.LockNextOrchestrationWorkItemAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (item is null)
            {
                return;
            }

            if (!active.TryAdd(item.InstanceId, host))
            {
                Interlocked.Increment(ref Overlaps);
            }

            try
            {
                await backend.CompleteOrchestrationWorkItemAsync(item, Turn(item), cancellationToken);
            }
            catch (InstanceLockLostException)
            {
                // Another host committed first: this turn is dropped and redone from fresh history.
            }
            catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException)
            {
                // Stopping, or storage hiccup: the messages come back.
            }
            finally
            {
                active.TryRemove(item.InstanceId, out _);
            }
        }
    }

    private OrchestrationCommit Turn(OrchestrationWorkItem item)
    {
        var now = DateTime.UtcNow;
        var seen = item.History.Select(h => h.MessageId).OfType<string>().ToHashSet();
        var fresh = item.NewMessages.Where(m => !seen.Contains(m.MessageId) && (m.ExecutionId is null || item.State is null || m.ExecutionId == item.State.ExecutionId)).DistinctBy(m => m.MessageId).ToList();
        var state = item.State;
        if (state is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } || fresh.Count == 0)
        {
            return new OrchestrationCommit { NewEvents = [], State = state ?? State(item.InstanceId, OrchestrationRuntimeStatus.Running, now) };
        }

        var events = new List<HistoryEvent>();
        if (item.History.Count == 0)
        {
            events.Add(fresh.Select(m => m.Event).OfType<ExecutionStartedEvent>().First());
        }

        events.Add(new OrchestratorStartedEvent { Timestamp = now });
        events.AddRange(fresh.Select(m => m.Event).Where(e => e is not ExecutionStartedEvent));
        var done = item.History.Concat(events).OfType<TaskCompletedEvent>().Count();
        if (done == steps)
        {
            events.Add(new ExecutionCompletedEvent(OrchestrationRuntimeStatus.Completed, "done"));
            return new OrchestrationCommit { NewExecution = item.History.Count == 0, NewEvents = events, State = State(item.InstanceId, OrchestrationRuntimeStatus.Completed, now, output: "done") };
        }

        var scheduledAlready = item.History.Concat(events).OfType<TaskScheduledEvent>().Count();
        var messages = new List<TaskMessage>();
        if (scheduledAlready == done)
        {
            var scheduled = new TaskScheduledEvent("Step", done.ToString(CultureInfo.InvariantCulture)) { EventId = done, Timestamp = now };
            events.Add(scheduled);
            messages.Add(new TaskMessage($"{item.InstanceId}:task:{done}", item.InstanceId, "e1", scheduled));
        }

        events.Add(new OrchestratorCompletedEvent { Timestamp = now });
        return new OrchestrationCommit
        {
            NewExecution = item.History.Count == 0,
            NewEvents = events,
            State = State(item.InstanceId, OrchestrationRuntimeStatus.Running, now),
            ActivityMessages = messages,
        };
    }

    private async Task RunActivitiesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var item = await backend.LockNextActivityWorkItemAsync(cancellationToken);
                if (item is null)
                {
                    return;
                }

                await backend.CompleteActivityWorkItemAsync(item, ActivityResult(item, item.Scheduled.Input), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestFailedException)
            {
                // The request comes back after its visibility timeout.
            }
        }
    }
}
