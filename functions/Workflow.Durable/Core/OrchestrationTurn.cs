using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Core;

/// <summary>
/// Turns one orchestration work item into a commit: discards duplicate and stale messages, starts new
/// executions, replays the orchestrator with the new events, and derives the outgoing messages from
/// the actions it took.
/// </summary>
/// <remarks>
/// Crash safety rests on two rules. A message is applied at most once because every event that enters
/// the history keeps the id of the message that carried it, and a message whose id is already there is
/// discarded. Every outgoing message is sent at least once because the backend removes the consumed
/// messages only after it sent the outgoing ones: if the process dies in between, the consumed messages
/// come back, are recognised as duplicates, and their arrival makes this class send again every message
/// the history says may still be outstanding (receivers discard the copies).
/// </remarks>
internal sealed class OrchestrationTurn
{
    private readonly OrchestrationWorkItem _item;
    private readonly Func<string, ITaskOrchestrator?> _resolve;
    private readonly DataConverter _converter;
    private readonly DateTime _now;

    public OrchestrationTurn(OrchestrationWorkItem item, Func<string, ITaskOrchestrator?> resolve, DataConverter converter, DateTime now)
    {
        _item = item;
        _resolve = resolve;
        _converter = converter;
        _now = now;
    }

    /// <summary>How many messages were discarded as duplicates or stale.</summary>
    public int DiscardedCount { get; private set; }

    /// <summary>The orchestrator's name, once known.</summary>
    public string? OrchestrationName { get; private set; }

    /// <summary>The status after the turn.</summary>
    public OrchestrationRuntimeStatus? ResultStatus { get; private set; }

    public OrchestrationCommit Run()
    {
        var history = _item.History;
        var started = history.OfType<ExecutionStartedEvent>().FirstOrDefault();
        var applied = new HashSet<string>(history.Where(e => e.MessageId is not null).Select(e => e.MessageId!), StringComparer.Ordinal);
        var state = _item.State;
        var sawDuplicate = false;
        var newExecution = false;
        var pastEvents = history;
        var fresh = new List<HistoryEvent>();
        var discardOldHistory = false;
        if (started is not null && state is not null && state.ExecutionId != started.ExecutionId)
        {
            // A client re-created the instance after it ended: the old execution's history is dead and
            // is replaced, the new execution has not started yet.
            started = null;
            pastEvents = [];
            discardOldHistory = true;
        }

        // Between continue-as-new and the next execution's start, events for the next execution (or for
        // whichever is current) may arrive first, queues do not keep order: they are kept for the start.
        // Whether the execution has ended is read from the history, which the commit guards; the state row follows it.
        var ending = started is null ? null : history.OfType<ExecutionCompletedEvent>().LastOrDefault();
        var historyEnded = ending is not null;
        var awaitingNext = ending?.OrchestrationStatus == OrchestrationRuntimeStatus.ContinuedAsNew;
        var nextExecutionId = awaitingNext ? MessageIds.DerivedExecutionId(MessageIds.ContinueAsNew(_item.InstanceId, started!.ExecutionId)) : null;
        var keptForNext = new List<HistoryEvent>();

        var consumedAhead = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in _item.NewMessages)
        {
            if (consumedAhead.Contains(message.MessageId))
            {
                continue;
            }

            if (!applied.Add(message.MessageId))
            {
                sawDuplicate = true;
                DiscardedCount++;
                continue;
            }

            var e = message.Event with { MessageId = message.MessageId, Timestamp = _now };
            if (e is ExecutionStartedEvent start)
            {
                var repeat = started is not null && started.ExecutionId == start.ExecutionId;
                var running = started is not null && state is not null && state.ExecutionId == started.ExecutionId && !IsFinished(state) && !historyEnded;
                var endedBeforeStart = state is not null && state.ExecutionId == start.ExecutionId && state.RuntimeStatus.IsTerminal();
                if (repeat || running || endedBeforeStart)
                {
                    // A start for a running execution, or a repeated start of one already begun or ended.
                    DiscardedCount++;
                    continue;
                }

                // A new execution: the history so far (a finished execution, or events that arrived
                // before the first start) is replaced; events received before the start are kept.
                // A continuation first gets the events its predecessor carried over, then those raised since.
                var early = started is null
                    ? pastEvents.OfType<EventRaisedEvent>().Concat(fresh.OfType<EventRaisedEvent>()).ToList()
                    : awaitingNext && start.ExecutionId == nextExecutionId
                        ? CarriedFirst(
                            pastEvents.SkipWhile(h => h is not ExecutionCompletedEvent).OfType<EventRaisedEvent>().Concat(keptForNext.OfType<EventRaisedEvent>()),
                            TakeCarried(started.ExecutionId, applied, consumedAhead),
                            started.ExecutionId)
                        : [];
                started = start;
                newExecution = true;
                pastEvents = [];
                fresh.Clear();
                fresh.Add(start);
                fresh.AddRange(early);
                continue;
            }

            if (awaitingNext && !newExecution)
            {
                if (e is EventRaisedEvent && (message.ExecutionId is null || message.ExecutionId == nextExecutionId))
                {
                    keptForNext.Add(e);
                }
                else
                {
                    DiscardedCount++;
                }

                continue;
            }

            var executionId = started?.ExecutionId;
            if (message.ExecutionId is not null && message.ExecutionId != executionId)
            {
                DiscardedCount++;
                continue;
            }

            if (started is null)
            {
                // Nothing has started yet: keep external events and control messages for the start.
                if (e is EventRaisedEvent or ExecutionTerminatedEvent)
                {
                    fresh.Add(e);
                }
                else
                {
                    DiscardedCount++;
                }

                continue;
            }

            if ((IsFinished(state) || historyEnded) && !newExecution)
            {
                DiscardedCount++;
                continue;
            }

            fresh.Add(e);
        }

        if (started is null)
        {
            return Unstarted(fresh, discardOldHistory);
        }

        OrchestrationName = started.Name;
        if (fresh.Count == 0)
        {
            // Only duplicates or stale messages: nothing to replay, but outstanding messages are re-sent.
            var activities = sawDuplicate ? OutstandingActivities(history, started) : [];
            var timers = sawDuplicate ? OutstandingTimers(history, started) : [];
            var outbound = sawDuplicate ? OutstandingOrchestratorMessages(history, started) : [];
            return new OrchestrationCommit
            {
                NewEvents = keptForNext,
                State = keptForNext.Count > 0 ? state! with { LastUpdatedAt = _now } : state!,
                ActivityMessages = activities,
                TimerMessages = timers,
                OrchestratorMessages = outbound,
                ResentMessageIds = [.. activities.Concat(timers).Concat(outbound).Select(m => m.MessageId)],
            };
        }

        var newEvents = new List<HistoryEvent>(fresh.Count + 4) { new OrchestratorStartedEvent { Timestamp = _now } };
        newEvents.AddRange(fresh);
        return Replay(started, pastEvents, newEvents, newExecution, sawDuplicate);
    }

    /// <summary>
    /// The carried-over events of <paramref name="previousExecutionId"/> that arrived in this work item
    /// (they travel with the continuation's start), marked applied so the loop does not meet them again.
    /// </summary>
    private List<EventRaisedEvent> TakeCarried(string previousExecutionId, HashSet<string> applied, HashSet<string> consumedAhead)
    {
        var carried = new List<EventRaisedEvent>();
        foreach (var message in _item.NewMessages)
        {
            if (message.Event is EventRaisedEvent raised && CarriedIndex(message.MessageId, previousExecutionId) >= 0 &&
                !consumedAhead.Contains(message.MessageId) && applied.Add(message.MessageId))
            {
                consumedAhead.Add(message.MessageId);
                carried.Add(raised with { MessageId = message.MessageId, Timestamp = _now });
            }
        }

        return carried;
    }

    /// <summary>Orders a continuation's early events: carried-over ones by their index, then the others in arrival order.</summary>
    private List<EventRaisedEvent> CarriedFirst(IEnumerable<EventRaisedEvent> kept, List<EventRaisedEvent> carriedNow, string previousExecutionId)
    {
        var all = kept.Concat(carriedNow).ToList();
        var carried = all.Where(e => e.MessageId is { } id && CarriedIndex(id, previousExecutionId) >= 0)
            .OrderBy(e => CarriedIndex(e.MessageId!, previousExecutionId));
        var since = all.Where(e => e.MessageId is not { } id || CarriedIndex(id, previousExecutionId) < 0);
        return [.. carried, .. since];
    }

    /// <summary>The index of a carried-over event's message id for <paramref name="previousExecutionId"/>, or -1.</summary>
    private int CarriedIndex(string messageId, string previousExecutionId)
    {
        var prefix = MessageIds.CarriedEvent(_item.InstanceId, previousExecutionId, 0)[..^1];
        return messageId.StartsWith(prefix, StringComparison.Ordinal) &&
            int.TryParse(messageId.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : -1;
    }

    private OrchestrationCommit Replay(ExecutionStartedEvent started, IReadOnlyList<HistoryEvent> past, List<HistoryEvent> newEvents, bool newExecution, bool resendOutstanding)
    {
        var executionId = started.ExecutionId;
        var orchestrator = _resolve(started.Name);
        OrchestrationTurnResult result;
        if (orchestrator is null)
        {
            result = new OrchestrationTurnResult
            {
                CompletionStatus = OrchestrationRuntimeStatus.Failed,
                Failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!, $"No orchestrator named '{started.Name}' is registered with this worker."),
            };
        }
        else
        {
            result = new OrchestrationExecutor(orchestrator, started.Name, _item.InstanceId, _converter).Execute(past, newEvents);
        }

        var activities = new List<TaskMessage>();
        var timers = new List<TaskMessage>();
        var outbound = new List<TaskMessage>();
        var cancelled = new List<int>();
        foreach (var action in result.Actions)
        {
            newEvents.Add(action);
            AddMessageFor(action, started, activities, timers, outbound, cancelled);
        }

        newEvents.Add(new OrchestratorCompletedEvent { Timestamp = _now });
        var status = result.CompletionStatus ?? (result.IsSuspended ? OrchestrationRuntimeStatus.Suspended : OrchestrationRuntimeStatus.Running);
        if (result.CompletionStatus is { } end)
        {
            newEvents.Add(end == OrchestrationRuntimeStatus.Terminated
                ? new ExecutionCompletedEvent(end, result.Output) { Timestamp = _now }
                : new ExecutionCompletedEvent(end, result.Output, result.Failure)
                {
                    Timestamp = _now,
                    CarriedEvents = result.CarriedEvents.Count > 0 ? result.CarriedEvents.ToList() : null,
                });
        }

        var previous = _item.State;
        var state = new OrchestrationState
        {
            InstanceId = _item.InstanceId,
            Name = started.Name,
            ExecutionId = executionId,
            RuntimeStatus = status,
            CreatedAt = previous?.CreatedAt ?? _now,
            LastUpdatedAt = _now,
            CompletedAt = status.IsTerminal() ? _now : null,
            Input = started.Input,
            Output = result.CompletionStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated ? result.Output : null,
            CustomStatus = result.CustomStatus ?? (newExecution ? null : previous?.CustomStatus),
            FailureDetails = result.Failure,
            ParentInstance = started.ParentInstance,
            ScheduledStartTime = started.ScheduledStartTime,
        };
        ResultStatus = status;

        if (result.CompletionStatus is { } completion)
        {
            outbound.AddRange(EndOfExecutionMessages(completion, started, result.Output, result.Failure, result.CarriedEvents));
        }

        var resent = new List<string>();
        if (resendOutstanding && !newExecution)
        {
            // Possibly unsent messages of earlier turns (see remarks). Receivers discard copies.
            var history = _item.History;
            var again = OutstandingActivities(history, started).Where(m => activities.All(a => a.MessageId != m.MessageId)).ToList();
            var timersAgain = OutstandingTimers(history, started).Where(m => timers.All(t => t.MessageId != m.MessageId)).ToList();
            var outboundAgain = OutstandingOrchestratorMessages(history, started).Where(m => outbound.All(o => o.MessageId != m.MessageId)).ToList();
            activities.InsertRange(0, again);
            timers.InsertRange(0, timersAgain);
            outbound.InsertRange(0, outboundAgain);
            resent.AddRange(again.Concat(timersAgain).Concat(outboundAgain).Select(m => m.MessageId));
        }

        return new OrchestrationCommit
        {
            NewExecution = newExecution,
            NewEvents = newEvents,
            State = state,
            ActivityMessages = activities,
            TimerMessages = timers,
            OrchestratorMessages = outbound,
            CancelledTimerIds = cancelled,
            ResentMessageIds = resent,
        };
    }

    private void AddMessageFor(HistoryEvent action, ExecutionStartedEvent started, List<TaskMessage> activities, List<TaskMessage> timers, List<TaskMessage> outbound, List<int> cancelled)
    {
        var id = _item.InstanceId;
        var exec = started.ExecutionId;
        switch (action)
        {
            case TaskScheduledEvent scheduled:
                activities.Add(new TaskMessage(MessageIds.Activity(id, exec, scheduled.EventId), id, exec, scheduled));
                break;
            case TimerCreatedEvent timer:
                timers.Add(TimerMessage(id, exec, timer));
                break;
            case SubOrchestrationInstanceCreatedEvent sub:
                outbound.Add(SubOrchestrationStart(id, started, sub));
                break;
            case EventSentEvent sent:
                outbound.Add(new TaskMessage(
                    MessageIds.SentEvent(id, exec, sent.EventId), sent.InstanceId, null,
                    new EventRaisedEvent(sent.Name, sent.Input) { Timestamp = _now }));
                break;
            case TimerCancelledEvent timerCancelled:
                cancelled.Add(timerCancelled.TimerId);
                break;
            default:
                break;
        }
    }

    private static TaskMessage TimerMessage(string instanceId, string executionId, TimerCreatedEvent timer) =>
        new(MessageIds.Timer(instanceId, executionId, timer.EventId), instanceId, executionId,
            new TimerFiredEvent(timer.EventId, timer.FireAt) { Timestamp = timer.FireAt }, timer.FireAt);

    private TaskMessage SubOrchestrationStart(string instanceId, ExecutionStartedEvent parent, SubOrchestrationInstanceCreatedEvent sub)
    {
        var childExecution = MessageIds.DerivedExecutionId(MessageIds.SubOrchestrationStart(instanceId, parent.ExecutionId, sub.EventId));
        return new TaskMessage(
            MessageIds.SubOrchestrationStart(instanceId, parent.ExecutionId, sub.EventId), sub.InstanceId, childExecution,
            new ExecutionStartedEvent(sub.Name, sub.Input, childExecution, new ParentInstance(instanceId, parent.ExecutionId, sub.EventId, parent.Name)) { Timestamp = _now });
    }

    private IEnumerable<TaskMessage> EndOfExecutionMessages(OrchestrationRuntimeStatus status, ExecutionStartedEvent started, string? output, TaskFailureDetails? failure, IReadOnlyList<EventRaisedEvent> carried)
    {
        var id = _item.InstanceId;
        var exec = started.ExecutionId;
        if (status == OrchestrationRuntimeStatus.ContinuedAsNew)
        {
            var next = MessageIds.DerivedExecutionId(MessageIds.ContinueAsNew(id, exec));
            yield return new TaskMessage(MessageIds.ContinueAsNew(id, exec), id, next,
                new ExecutionStartedEvent(started.Name, output, next, started.ParentInstance, null, started.Tags) { Timestamp = _now });
            for (var i = 0; i < carried.Count; i++)
            {
                yield return new TaskMessage(MessageIds.CarriedEvent(id, exec, i), id, next, carried[i] with { MessageId = null });
            }

            yield break;
        }

        if (started.ParentInstance is { } parent)
        {
            HistoryEvent report = status == OrchestrationRuntimeStatus.Completed
                ? new SubOrchestrationInstanceCompletedEvent(parent.TaskScheduledId, output) { Timestamp = _now }
                : new SubOrchestrationInstanceFailedEvent(
                    parent.TaskScheduledId,
                    failure ?? new TaskFailureDetails("Workflow.Durable.SubOrchestrationTerminated", $"Sub-orchestration '{id}' ended as {status}: {output}"))
                { Timestamp = _now };
            yield return new TaskMessage(MessageIds.Completion(id, exec), parent.InstanceId, parent.ExecutionId, report);
        }
    }

    private OrchestrationCommit Unstarted(List<HistoryEvent> fresh, bool replaceHistory)
    {
        var previous = _item.State;
        var terminated = fresh.OfType<ExecutionTerminatedEvent>().FirstOrDefault();
        var state = (previous ?? new OrchestrationState
        {
            InstanceId = _item.InstanceId,
            Name = string.Empty,
            ExecutionId = string.Empty,
            RuntimeStatus = OrchestrationRuntimeStatus.Pending,
            CreatedAt = _now,
            LastUpdatedAt = _now,
        }) with
        { LastUpdatedAt = _now };
        if (terminated is not null && !state.RuntimeStatus.IsTerminal())
        {
            // Terminated before it started: it never runs; its start message is discarded when it arrives.
            state = state with { RuntimeStatus = OrchestrationRuntimeStatus.Terminated, Output = terminated.Input, CompletedAt = _now };
        }

        ResultStatus = state.RuntimeStatus;
        return new OrchestrationCommit { NewExecution = replaceHistory, NewEvents = fresh.Where(e => e is EventRaisedEvent).ToList(), State = state };
    }

    private static bool IsFinished(OrchestrationState? state) =>
        state is not null && (state.RuntimeStatus.IsTerminal() || state.RuntimeStatus == OrchestrationRuntimeStatus.ContinuedAsNew);

    private List<TaskMessage> OutstandingActivities(IReadOnlyList<HistoryEvent> history, ExecutionStartedEvent started)
    {
        var done = history.Select(e => e switch { TaskCompletedEvent c => c.TaskScheduledId, TaskFailedEvent f => f.TaskScheduledId, _ => -1 }).ToHashSet();
        return history.OfType<TaskScheduledEvent>().Where(s => !done.Contains(s.EventId))
            .Select(s => new TaskMessage(MessageIds.Activity(_item.InstanceId, started.ExecutionId, s.EventId), _item.InstanceId, started.ExecutionId, s))
            .ToList();
    }

    private List<TaskMessage> OutstandingTimers(IReadOnlyList<HistoryEvent> history, ExecutionStartedEvent started)
    {
        var done = history.Select(e => e switch { TimerFiredEvent f => f.TimerId, TimerCancelledEvent c => c.TimerId, _ => -1 }).ToHashSet();
        return history.OfType<TimerCreatedEvent>().Where(t => !done.Contains(t.EventId))
            .Select(t => TimerMessage(_item.InstanceId, started.ExecutionId, t)).ToList();
    }

    private List<TaskMessage> OutstandingOrchestratorMessages(IReadOnlyList<HistoryEvent> history, ExecutionStartedEvent started)
    {
        var messages = new List<TaskMessage>();
        var done = history.Select(e => e switch
        {
            SubOrchestrationInstanceCompletedEvent c => c.TaskScheduledId,
            SubOrchestrationInstanceFailedEvent f => f.TaskScheduledId,
            _ => -1,
        }).ToHashSet();
        foreach (var e in history)
        {
            if (e is SubOrchestrationInstanceCreatedEvent sub && !done.Contains(sub.EventId))
            {
                messages.Add(SubOrchestrationStart(_item.InstanceId, started, sub));
            }
            else if (e is EventSentEvent sent)
            {
                messages.Add(new TaskMessage(MessageIds.SentEvent(_item.InstanceId, started.ExecutionId, sent.EventId), sent.InstanceId, null,
                    new EventRaisedEvent(sent.Name, sent.Input) { Timestamp = sent.Timestamp }));
            }
        }

        if (history.OfType<ExecutionCompletedEvent>().LastOrDefault() is { } completed)
        {
            messages.AddRange(EndOfExecutionMessages(completed.OrchestrationStatus, started, completed.Result, completed.FailureDetails, completed.CarriedEvents ?? []));
        }

        return messages;
    }
}
