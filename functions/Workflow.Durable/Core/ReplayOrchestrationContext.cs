using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Durable.History;

namespace Workflow.Durable.Core;

/// <summary>
/// The context handed to orchestrator code during a replay. Each action the code takes gets the next
/// task id and is held as "unconfirmed" until the history shows the same action at the same id (then
/// it was already done) or the replay ends (then it is new and gets committed). Completions from
/// history complete the matching open task.
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly DataConverter _converter;
    private readonly SortedDictionary<int, HistoryEvent> _unconfirmed = [];
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<string, Queue<EventRaisedEvent>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<EventWaiter>> _waiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _bufferOrder = [];
    private int _nextTaskId;
    private int _guidCounter;

    public ReplayOrchestrationContext(string name, string instanceId, DataConverter converter)
    {
        Name = name;
        InstanceId = instanceId;
        _converter = converter;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public override bool IsReplaying => Replaying;

    protected internal override DataConverter DataConverter => _converter;

    internal DateTime CurrentTime { get; set; }

    internal bool Replaying { get; set; }

    internal string? CustomStatus { get; private set; }

    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    /// <summary>A mismatch found while the code ran (raised into the executor after the code yields).</summary>
    internal NonDeterministicOrchestrationException? NonDeterminism { get; set; }

    // ---- actions ----

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var id = _nextTaskId++;
        var fireAtUtc = DateTime.SpecifyKind(fireAt.ToUniversalTime(), DateTimeKind.Utc);
        _unconfirmed[id] = new TimerCreatedEvent(fireAtUtc) { EventId = id, Timestamp = CurrentTime };
        var open = new OpenTask("timer", typeof(object));
        _open[id] = open;
        if (cancellationToken.CanBeCanceled)
        {
            open.Registration = cancellationToken.Register(() => CancelTimer(id, cancellationToken));
        }

        return open.Source.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        if (_buffered.TryGetValue(eventName, out var queue) && queue.TryDequeue(out var early))
        {
            _bufferOrder.Remove(eventName);
            return Task.FromResult(_converter.Deserialize<T>(early.Input)!);
        }

        var waiter = new EventWaiter(typeof(T));
        if (!_waiters.TryGetValue(eventName, out var list))
        {
            _waiters[eventName] = list = new LinkedList<EventWaiter>();
        }

        var node = list.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    list.Remove(node);
                    waiter.Source.TrySetCanceled(cancellationToken);
                }
            });
        }

        return Cast<T>(waiter.Source.Task);
    }

    public override void SendEvent(string instanceId, string eventName, object? eventData)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var id = _nextTaskId++;
        _unconfirmed[id] = new EventSentEvent(instanceId, eventName, _converter.Serialize(eventData))
        {
            EventId = id,
            Timestamp = CurrentTime,
        };
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = _converter.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (_converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // A name-based (version 5) UUID over the instance id, the turn's time and a counter.
        var name = $"{InstanceId}_{CurrentTime:o}_{_guidCounter++}";
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version-5 UUIDs over SHA-1; this is an identifier, not a security measure.
        SHA1.HashData(Encoding.UTF8.GetBytes(name), hash);
#pragma warning restore CA5350
        Span<byte> bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public override ILogger CreateReplaySafeLogger(ILogger logger) => new ReplaySafeLogger(this, logger ?? NullLogger.Instance);

    protected override Task<TResult> ScheduleActivityAsync<TResult>(string name, object? input)
    {
        var id = _nextTaskId++;
        _unconfirmed[id] = new TaskScheduledEvent(name, _converter.Serialize(input)) { EventId = id, Timestamp = CurrentTime };
        var open = new OpenTask(name, typeof(TResult));
        _open[id] = open;
        return Cast<TResult>(open.Source.Task);
    }

    protected override Task<TResult> ScheduleSubOrchestrationAsync<TResult>(string name, object? input, string? instanceId)
    {
        var id = _nextTaskId++;
        var childId = instanceId ?? $"{InstanceId}:{id:D4}";
        _unconfirmed[id] = new SubOrchestrationInstanceCreatedEvent(name, childId, _converter.Serialize(input))
        {
            EventId = id,
            Timestamp = CurrentTime,
        };
        var open = new OpenTask(name, typeof(TResult));
        _open[id] = open;
        return Cast<TResult>(open.Source.Task);
    }

    // ---- history applied by the executor ----

    /// <summary>Confirms an action recorded in history against what the code did at the same task id.</summary>
    internal void Confirm(HistoryEvent recorded)
    {
        if (recorded is TimerCancelledEvent cancelled)
        {
            // Cancellation is keyed by the timer it cancels; the code cancelled it before this point.
            _unconfirmed.Remove(CancelKey(cancelled.TimerId));
            return;
        }

        if (!_unconfirmed.Remove(recorded.EventId, out var done))
        {
            throw new NonDeterministicOrchestrationException(recorded.EventId, Describe(recorded), "nothing (the code did not reach this action)");
        }

        if (!SameAction(recorded, done))
        {
            throw new NonDeterministicOrchestrationException(recorded.EventId, Describe(recorded), Describe(done));
        }
    }

    internal void CompleteTask(int taskId, string? result)
    {
        if (_open.Remove(taskId, out var open))
        {
            open.Registration.Dispose();
            open.Source.TrySetResult(open.ResultType == typeof(object) && result is null ? null : _converter.Deserialize(result, open.ResultType));
        }
    }

    internal void FailTask(int taskId, TaskFailureDetails failure)
    {
        if (_open.Remove(taskId, out var open))
        {
            open.Source.TrySetException(new TaskFailedException(open.Name, taskId, failure));
        }
    }

    internal void FireTimer(int timerId)
    {
        if (_open.Remove(timerId, out var open))
        {
            open.Registration.Dispose();
            open.Source.TrySetResult(null);
        }
    }

    internal void DeliverEvent(EventRaisedEvent raised)
    {
        if (_waiters.TryGetValue(raised.Name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.Registration.Dispose();
            first.Value.Source.TrySetResult(_converter.Deserialize(raised.Input, first.Value.ResultType));
            return;
        }

        if (!_buffered.TryGetValue(raised.Name, out var queue))
        {
            _buffered[raised.Name] = queue = new Queue<EventRaisedEvent>();
        }

        queue.Enqueue(raised);
        _bufferOrder.Add(raised.Name);
    }

    /// <summary>The actions the code took that history does not record yet, in task-id order.</summary>
    internal IEnumerable<HistoryEvent> NewActions => _unconfirmed.Values;

    /// <summary>The events received and not consumed, in arrival order.</summary>
    internal IEnumerable<EventRaisedEvent> UnconsumedEvents()
    {
        var copies = _buffered.ToDictionary(p => p.Key, p => new Queue<EventRaisedEvent>(p.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var name in _bufferOrder)
        {
            if (copies.TryGetValue(name, out var queue) && queue.TryDequeue(out var raised))
            {
                yield return raised;
            }
        }
    }

    private void CancelTimer(int id, CancellationToken token)
    {
        if (_open.Remove(id, out var open))
        {
            open.Source.TrySetCanceled(token);
            if (_unconfirmed.Remove(id))
            {
                // Created and cancelled before it was ever committed: nothing to record.
                return;
            }

            _unconfirmed[CancelKey(id)] = new TimerCancelledEvent(id) { Timestamp = CurrentTime };
        }
    }

    // Cancellations sort after every real task id and never collide with one.
    private static int CancelKey(int timerId) => int.MaxValue - timerId;

    private static bool SameAction(HistoryEvent recorded, HistoryEvent done) => (recorded, done) switch
    {
        (TaskScheduledEvent a, TaskScheduledEvent b) => a.Name == b.Name,
        (TimerCreatedEvent, TimerCreatedEvent) => true,
        (SubOrchestrationInstanceCreatedEvent a, SubOrchestrationInstanceCreatedEvent b) => a.Name == b.Name && a.InstanceId == b.InstanceId,
        (EventSentEvent a, EventSentEvent b) => a.Name == b.Name && a.InstanceId == b.InstanceId,
        _ => false,
    };

    internal static string Describe(HistoryEvent e) => e switch
    {
        TaskScheduledEvent t => $"a call of activity '{t.Name}'",
        TimerCreatedEvent t => $"a timer for {t.FireAt:o}",
        SubOrchestrationInstanceCreatedEvent s => $"a call of sub-orchestration '{s.Name}' ('{s.InstanceId}')",
        EventSentEvent s => $"sending event '{s.Name}' to '{s.InstanceId}'",
        _ => e.EventType.ToString(),
    };

    private static async Task<T> Cast<T>(Task<object?> task) => (T)(await task)!;

    private sealed class OpenTask(string name, Type resultType)
    {
        public string Name { get; } = name;

        public Type ResultType { get; } = resultType;

        public TaskCompletionSource<object?> Source { get; } = new();

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class EventWaiter(Type resultType)
    {
        public Type ResultType { get; } = resultType;

        public TaskCompletionSource<object?> Source { get; } = new();

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class ReplaySafeLogger(ReplayOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
