using Workflow.Durable.History;

namespace Workflow.Durable.Backend;

/// <summary>
/// A message to an orchestration instance (a control message: start, event, timer, task result,
/// terminate) or an activity request (its <see cref="Event"/> is a <see cref="TaskScheduledEvent"/>).
/// </summary>
/// <param name="MessageId">
/// Unique and, where the sender can make it so, deterministic: a message sent twice because its
/// sender crashed and retried carries the same id, so the receiver applies it once.
/// </param>
/// <param name="InstanceId">The target instance.</param>
/// <param name="ExecutionId">
/// The target execution, or null for messages meant for whichever execution is current (external
/// events, terminate). A message for an older execution is stale and is discarded.
/// </param>
/// <param name="Event">The event the message carries into the target's history.</param>
/// <param name="DeliverAt">When set, the message is not delivered before this time (timers, delayed starts).</param>
public sealed record TaskMessage(
    string MessageId,
    string InstanceId,
    string? ExecutionId,
    HistoryEvent Event,
    DateTime? DeliverAt = null)
{
    /// <summary>How many times the message was delivered before and not completed (set by the backend).</summary>
    public int DequeueCount { get; init; }
}
