using Azure;
using Workflow.Durable.Backend;
using Workflow.Durable.History;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// What the history table holds for one instance: the sentinel row's fields (with the ETag that
/// guards the next commit), the current execution's events and any outbox not yet confirmed sent.
/// The partition owner keeps it in memory between turns.
/// </summary>
internal sealed class InstanceSnapshot
{
    public required string InstanceId { get; init; }

    /// <summary>The sentinel's ETag; null when the instance has no sentinel row yet.</summary>
    public ETag? ETag { get; set; }

    /// <summary>The sequence number of the current execution's first event row.</summary>
    public long Base { get; set; }

    public List<HistoryEvent> History { get; init; } = [];

    public OrchestrationState? State { get; set; }

    /// <summary>How many outbox rows the sentinel references (written by the last commit).</summary>
    public int OutboxRows { get; set; }

    /// <summary>Outgoing messages found in the table that may not have been sent (only after a cold load).</summary>
    public List<OutboxItem> UnsentOutbox { get; init; } = [];

    /// <summary>Blobs known to exist for this instance, so unchanged large payloads are not uploaded again.</summary>
    public HashSet<string> KnownBlobs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The current execution's activities that have no result in the history yet (task id to request),
    /// kept up to date by every commit and computed from the history on a load.
    /// </summary>
    public Dictionary<int, TaskScheduledEvent> OutstandingActivities { get; init; } = [];

    /// <summary>
    /// Whether the instance's pending-activity marker row is known to exist (it does whenever a committed
    /// history has outstanding activities); false when it is known to be absent or may be stale.
    /// </summary>
    public bool ActivityMarker { get; set; }

    /// <summary>Whether this process wrote (or read) the instance row for <see cref="State"/>, so an unchanged state needs no write.</summary>
    public bool InstanceRowCurrent { get; set; }

    /// <summary>Whether the execution still waits for its outstanding activities (it is not terminal).</summary>
    public bool HasOutstandingActivities => OutstandingActivities.Count > 0 && State is { } state && !state.RuntimeStatus.IsTerminal();

    /// <summary>Applies events of the current execution to <see cref="OutstandingActivities"/>.</summary>
    public void TrackActivities(IEnumerable<HistoryEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case TaskScheduledEvent scheduled:
                    OutstandingActivities[scheduled.EventId] = scheduled;
                    break;
                case TaskCompletedEvent completed:
                    OutstandingActivities.Remove(completed.TaskScheduledId);
                    break;
                case TaskFailedEvent failed:
                    OutstandingActivities.Remove(failed.TaskScheduledId);
                    break;
                default:
                    break;
            }
        }
    }
}

/// <summary>The kinds of outgoing work a turn produces.</summary>
internal enum OutboxKind
{
    Activity,
    Orchestrator,
    Timer,
    CancelTimer,
}

/// <summary>One outgoing message (or timer cancellation) of a committed turn, kept in the outbox rows until sent.</summary>
internal sealed record OutboxItem(OutboxKind Kind, TaskMessage? Message, int TimerId = -1);
