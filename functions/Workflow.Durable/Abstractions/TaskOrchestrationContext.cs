using Microsoft.Extensions.Logging;

namespace Workflow.Durable;

/// <summary>
/// What an orchestrator uses to act durably. Every method records its action in the orchestration's
/// history the first time it runs, and on replay returns what the history recorded instead of acting
/// again. The tasks it returns complete only through history, on the orchestration's own
/// single-threaded scheduler; <see cref="Task.WhenAll(Task[])"/> and <see cref="Task.WhenAny(Task[])"/>
/// over them work as in Durable Functions.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>The orchestrator's name.</summary>
    public abstract string Name { get; }

    /// <summary>The instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>
    /// The current time of the orchestration: the time the current turn started, recorded in history,
    /// so it is the same on every replay. Never use <see cref="DateTime.UtcNow"/> in an orchestrator.
    /// </summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator re-runs code whose effects are already in history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The converter for inputs, outputs and payloads.</summary>
    protected internal abstract DataConverter DataConverter { get; }

    /// <summary>Schedules an activity without retries and waits for it.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>
    /// Schedules an activity and waits for its result. A failure surfaces as
    /// <see cref="TaskFailedException"/>, after the retries of <paramref name="options"/>, if any.
    /// </summary>
    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return options?.Retry is { } retry
            ? RetryAsync(retry, () => ScheduleActivityAsync<TResult>(name, input))
            : ScheduleActivityAsync<TResult>(name, input);
    }

    /// <summary>Starts a sub-orchestration and waits for it to complete.</summary>
    public Task CallSubOrchestratorAsync(string name, object? input = null, SubOrchestrationOptions? options = null) =>
        CallSubOrchestratorAsync<object?>(name, input, options);

    /// <summary>Starts a sub-orchestration and waits for its output.</summary>
    public Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return options?.Retry is { } retry
            ? RetryAsync(retry, () => ScheduleSubOrchestrationAsync<TResult>(name, input, options.InstanceId))
            : ScheduleSubOrchestrationAsync<TResult>(name, input, options?.InstanceId);
    }

    /// <summary>
    /// Creates a durable timer that completes at <paramref name="fireAt"/> (UTC), never earlier.
    /// Cancelling <paramref name="cancellationToken"/> cancels the task and removes the timer.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>Creates a durable timer that completes after <paramref name="delay"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for the external event <paramref name="eventName"/> (case-insensitive). Events that
    /// arrived before the wait, even before the orchestration started, are kept and delivered in order.
    /// Cancelling <paramref name="cancellationToken"/> stops the wait; an event arriving later is kept
    /// for the next wait.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for the external event <paramref name="eventName"/> at most <paramref name="timeout"/>;
    /// throws <see cref="TaskCanceledException"/> when the time runs out.
    /// </summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = CreateTimer(CurrentUtcDateTime.Add(timeout), linked.Token);
        var received = WaitForExternalEvent<T>(eventName, linked.Token);
        var winner = await Task.WhenAny(received, timer);
        // Cancel, not CancelAsync: the callbacks must run on the orchestration's own scheduler.
#pragma warning disable CA1849
        linked.Cancel();
#pragma warning restore CA1849
        if (winner == received)
        {
            return await received;
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"The external event '{eventName}' did not arrive within {timeout}.");
    }

    /// <summary>Sends an event to another orchestration instance (fire and forget).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object? eventData);

    /// <summary>Sets a status the orchestration reports to clients; it is saved with the turn.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>
    /// Ends this execution and starts a new one of the same instance with <paramref name="newInput"/>,
    /// with a fresh history. The orchestrator should return right after calling this. With
    /// <paramref name="preserveUnprocessedEvents"/> the external events received and not yet waited for
    /// are delivered to the new execution; otherwise they are dropped.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay (name-based, from the instance id and the turn's time).</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the orchestrator is not replaying, so each line is written once.</summary>
    public abstract ILogger CreateReplaySafeLogger(ILogger logger);

    /// <summary>Schedules one attempt of an activity.</summary>
    protected abstract Task<TResult> ScheduleActivityAsync<TResult>(string name, object? input);

    /// <summary>Starts one attempt of a sub-orchestration.</summary>
    protected abstract Task<TResult> ScheduleSubOrchestrationAsync<TResult>(string name, object? input, string? instanceId);

    private async Task<TResult> RetryAsync<TResult>(RetryPolicy policy, Func<Task<TResult>> attempt)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure) when (
                number < policy.MaxNumberOfAttempts &&
                (policy.HandleFailure is null || policy.HandleFailure(failure.FailureDetails)))
            {
                var nextAttemptAt = CurrentUtcDateTime.Add(policy.DelayAfter(number));
                if (policy.RetryTimeout is { } timeout && nextAttemptAt > firstAttemptAt.Add(timeout))
                {
                    throw;
                }

                await CreateTimer(nextAttemptAt, CancellationToken.None);
            }
        }
    }
}
