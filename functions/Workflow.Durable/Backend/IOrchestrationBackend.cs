using Workflow.Durable.History;

namespace Workflow.Durable.Backend;

/// <summary>
/// The storage contract of the durable runtime: one task hub's instances, histories, messages and
/// timers. The worker and the client are written against this contract only; each backend (in-memory
/// for tests, Azure Storage for production) implements it, and one contract test suite checks them all.
/// </summary>
/// <remarks>
/// <para>Guarantees a backend gives:</para>
/// <list type="bullet">
/// <item>At most one orchestration work item per instance is locked at a time, across every worker
/// process on the task hub.</item>
/// <item><see cref="CompleteOrchestrationWorkItemAsync"/> makes the new history and state durable
/// atomically and guarded against concurrent writers, then delivers the outgoing messages, then
/// removes the consumed ones. A crash at any point leaves the consumed messages to be delivered again
/// (the worker discards what it already applied) and the outgoing messages sent at least once.</item>
/// <item>A message with <see cref="TaskMessage.DeliverAt"/> is never delivered before that time, read
/// from the backend's <see cref="TimeProvider"/>.</item>
/// <item>An activity request is delivered until it is completed (at least once).</item>
/// <item>A message that keeps failing is moved aside (poison) with its error and does not block others.</item>
/// </list>
/// </remarks>
public interface IOrchestrationBackend : IAsyncDisposable
{
    /// <summary>The clock the backend uses for timers and timestamps.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Creates the task hub's storage if it does not exist.</summary>
    Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the task hub's storage and everything in it.</summary>
    Task DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>Starts background work a worker needs (partition ownership, timer dispatch).</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops background work, handing owned partitions over where the backend has them.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);

    // ---- worker side: orchestrations ----

    /// <summary>
    /// Waits for an instance with pending messages and locks it. Returns null when
    /// <paramref name="cancellationToken"/> is cancelled or the backend stops.
    /// </summary>
    Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken);

    /// <summary>Commits a turn (see the remarks on the interface), then releases the lock.</summary>
    /// <exception cref="InstanceLockLostException">The lock was lost or the history changed underneath; nothing was committed.</exception>
    Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases the lock without committing; the messages are delivered again later. When
    /// <paramref name="failure"/> is given the attempt counts toward moving the messages aside as poison.
    /// </summary>
    Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default);

    // ---- worker side: activities ----

    /// <summary>Waits for an activity request and locks it; null when cancelled or stopped.</summary>
    Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken);

    /// <summary>Delivers the activity's result message to its instance, then removes the request.</summary>
    Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken = default);

    /// <summary>Releases the request for another attempt.</summary>
    Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default);

    // ---- client side ----

    /// <summary>
    /// Creates an instance: records it as pending and sends its start message (delivered at
    /// <see cref="TaskMessage.DeliverAt"/> for a delayed start). An instance that exists and is not
    /// terminal makes this throw <see cref="InstanceAlreadyExistsException"/>; a terminal one is replaced.
    /// </summary>
    Task CreateInstanceAsync(TaskMessage startMessage, CancellationToken cancellationToken = default);

    /// <summary>Sends a message (event, terminate, suspend, resume) to an instance.</summary>
    Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken = default);

    /// <summary>Reads an instance's state, or null when there is no such instance.</summary>
    Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool fetchPayloads, CancellationToken cancellationToken = default);

    /// <summary>Reads one page of instances that match <paramref name="query"/>.</summary>
    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads the current execution's history of an instance (empty when there is none).</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Removes a terminal instance's history, state and payloads.</summary>
    Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Removes every terminal instance that matches <paramref name="filter"/>.</summary>
    Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default);
}

/// <summary>The instance exists and is not in a terminal state.</summary>
public sealed class InstanceAlreadyExistsException(string instanceId)
    : InvalidOperationException($"An orchestration instance with id '{instanceId}' already exists and is not in a terminal state.")
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; } = instanceId;
}

/// <summary>
/// A commit lost its race: another worker owns the instance now, or its history changed since the
/// work item was locked. Nothing was committed; the messages will be processed again.
/// </summary>
public sealed class InstanceLockLostException(string instanceId, string reason)
    : Exception($"Lost the lock on instance '{instanceId}': {reason}")
{
    /// <summary>The instance id.</summary>
    public string InstanceId { get; } = instanceId;
}
