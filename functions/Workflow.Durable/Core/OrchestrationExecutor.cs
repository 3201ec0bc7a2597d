using Workflow.Durable.History;

namespace Workflow.Durable.Core;

/// <summary>
/// Replays an orchestration: runs the orchestrator code from the start of its history on the
/// orchestration's single-threaded scheduler, feeding it the recorded events (replaying), then the
/// new ones, and collects the actions the code takes that history does not record yet.
/// </summary>
internal sealed class OrchestrationExecutor
{
    private readonly ITaskOrchestrator _orchestrator;
    private readonly ReplayOrchestrationContext _context;
    private readonly OrchestrationSynchronizationContext _scheduler = new();
    private readonly OrchestrationTurnResult _result = new();
    private readonly List<HistoryEvent> _held = [];
    private Task<object?>? _run;
    private bool _suspended;

    public OrchestrationExecutor(ITaskOrchestrator orchestrator, string name, string instanceId, DataConverter converter)
    {
        _orchestrator = orchestrator;
        _context = new ReplayOrchestrationContext(name, instanceId, converter);
    }

    /// <summary>Replays <paramref name="past"/>, then applies <paramref name="newEvents"/>.</summary>
    public OrchestrationTurnResult Execute(IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_scheduler);
        try
        {
            _context.Replaying = true;
            foreach (var e in past)
            {
                if (!Apply(e))
                {
                    return _result;
                }
            }

            _context.Replaying = false;
            for (var i = 0; i < newEvents.Count; i++)
            {
                if (!Apply(newEvents[i]))
                {
                    if (_result.CompletionStatus == OrchestrationRuntimeStatus.ContinuedAsNew && _context.ContinueAsNewRequest?.PreserveEvents == true)
                    {
                        // Events that arrived in the same batch after the code continued as new belong to the next execution.
                        _result.CarriedEvents.AddRange(newEvents.Skip(i + 1).OfType<EventRaisedEvent>());
                    }

                    return _result;
                }
            }

            _result.IsSuspended = _suspended;
            _result.CustomStatus = _context.CustomStatus;
            _result.Actions.AddRange(_context.NewActions);
            return _result;
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Applies one event; false once the execution has ended.</summary>
    private bool Apply(HistoryEvent e)
    {
        if (_suspended && e is not (ExecutionResumedEvent or ExecutionTerminatedEvent or OrchestratorStartedEvent or OrchestratorCompletedEvent)
            && !IsActionRecord(e))
        {
            _held.Add(e);
            return true;
        }

        try
        {
            switch (e)
            {
                case OrchestratorStartedEvent:
                    _context.CurrentTime = e.Timestamp;
                    break;
                case ExecutionStartedEvent started:
                    Start(started);
                    break;
                case TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent or TimerCancelledEvent:
                    _context.Confirm(e);
                    break;
                case TaskCompletedEvent done:
                    _context.CompleteTask(done.TaskScheduledId, done.Result);
                    break;
                case TaskFailedEvent failed:
                    _context.FailTask(failed.TaskScheduledId, failed.FailureDetails);
                    break;
                case SubOrchestrationInstanceCompletedEvent done:
                    _context.CompleteTask(done.TaskScheduledId, done.Result);
                    break;
                case SubOrchestrationInstanceFailedEvent failed:
                    _context.FailTask(failed.TaskScheduledId, failed.FailureDetails);
                    break;
                case TimerFiredEvent fired:
                    _context.FireTimer(fired.TimerId);
                    break;
                case EventRaisedEvent raised:
                    _context.DeliverEvent(raised);
                    break;
                case ExecutionSuspendedEvent:
                    _suspended = true;
                    break;
                case ExecutionResumedEvent:
                    _suspended = false;
                    var held = _held.ToArray();
                    _held.Clear();
                    foreach (var h in held)
                    {
                        if (!Apply(h))
                        {
                            return false;
                        }
                    }

                    break;
                case ExecutionTerminatedEvent terminated:
                    Complete(OrchestrationRuntimeStatus.Terminated, terminated.Input, null);
                    return false;
                case ExecutionCompletedEvent:
                case OrchestratorCompletedEvent:
                    break;
                default:
                    break;
            }

            _scheduler.RunPending();
        }
        catch (NonDeterministicOrchestrationException nondeterminism)
        {
            Complete(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(nondeterminism));
            return false;
        }

        return !CheckCompletion();
    }

    private static bool IsActionRecord(HistoryEvent e) =>
        e is TaskScheduledEvent or TimerCreatedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent or TimerCancelledEvent;

    private void Start(ExecutionStartedEvent started)
    {
        object? input;
        try
        {
            input = _context.DataConverter.Deserialize(started.Input, _orchestrator.InputType);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            _run = Task.FromException<object?>(new ArgumentException($"The input of orchestration '{started.Name}' cannot be read as {_orchestrator.InputType.Name}.", ex));
            return;
        }

        try
        {
            _run = _orchestrator.RunAsync(_context, input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A synchronous throw from orchestrator code is the orchestration's failure, like an asynchronous one.
            _run = Task.FromException<object?>(ex);
        }
    }

    /// <summary>True when the orchestrator's code has finished (the execution ends with this turn).</summary>
    private bool CheckCompletion()
    {
        if (_run is null || !_run.IsCompleted)
        {
            return false;
        }

        if (_run.IsCompletedSuccessfully)
        {
            if (_context.ContinueAsNewRequest is { } next)
            {
                Complete(OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null);
                if (next.PreserveEvents)
                {
                    _result.CarriedEvents.AddRange(_context.UnconsumedEvents());
                }
            }
            else
            {
                Complete(OrchestrationRuntimeStatus.Completed, _context.DataConverter.Serialize(_run.Result), null);
            }
        }
        else
        {
            var error = _run.Exception!.InnerExceptions.Count == 1 ? _run.Exception.InnerException! : _run.Exception;
            if (_run.IsCanceled)
            {
                error = new TaskCanceledException("The orchestrator was cancelled: it awaited a cancelled task and did not handle it.");
            }

            Complete(OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
        }

        return true;
    }

    private void Complete(OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure)
    {
        _result.CompletionStatus = status;
        _result.Output = output;
        _result.Failure = failure;
        _result.CustomStatus = _context.CustomStatus;
        if (status != OrchestrationRuntimeStatus.Terminated &&
            failure?.ErrorType != typeof(NonDeterministicOrchestrationException).FullName)
        {
            // Actions taken before the end still happen (fire-and-forget calls, sent events).
            _result.Actions.AddRange(_context.NewActions.Where(a => a is not TimerCreatedEvent));
        }
    }
}
