using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues.Models;
using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>Activity work items: local requests of owned partitions, and the work-item queue for the rest; at-least-once delivery.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private readonly WakeSignal _activityWake = new();
    private Task _workItemReader = Task.CompletedTask;

    /// <inheritdoc/>
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        while (true)
        {
            ActivityWorkItem item;
            try
            {
                item = await _activityChannel.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            if (item.LockToken is LocalActivityLock local)
            {
                if (!_localActivities.ContainsKey(item.Message.MessageId))
                {
                    continue; // forgotten by a simulated crash
                }

                if (!_owned.TryGetValue(local.Partition, out var owner) || owner.Releasing)
                {
                    // The partition moved: its new owner re-runs the activity from the history.
                    _localActivities.TryRemove(item.Message.MessageId, out _);
                    continue;
                }

                try
                {
                    _faults.OnStep(FaultPoint.ActivityLocked, item.Message.InstanceId);
                }
                catch (SimulatedCrashException)
                {
                    ForgetLocalActivity(item, null);
                    throw;
                }

                return item;
            }

            // A request from the work-item queue: a crash here leaves it to reappear after its visibility timeout.
            _faults.OnStep(FaultPoint.ActivityLocked, item.Message.InstanceId);
            return item;
        }
    }

    /// <inheritdoc/>
    public async Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(result);
        if (workItem.LockToken is LocalActivityLock local)
        {
            await CompleteLocalActivityAsync(workItem, local, result, cancellationToken).ConfigureAwait(false);
            return;
        }

        var token = workItem.LockToken as ActivityLock ?? throw new ArgumentException("The work item was not locked by this backend.", nameof(workItem));
        var id = workItem.Message.InstanceId;
        _faults.OnStep(FaultPoint.ActivityExecuted, id);
        await SendControlMessageAsync(result, cancellationToken).ConfigureAwait(false);
        _faults.OnStep(FaultPoint.ActivityResultSent, id);
        _lastErrors.TryRemove(token.MessageId, out _);
        try
        {
            Statistics.Count(StorageOperation.QueueDelete);
            await _storage.WorkItems.DeleteMessageAsync(token.MessageId, token.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Its visibility ran out and another worker holds it: that run's result is a duplicate the orchestration discards.
        }
    }

    /// <inheritdoc/>
    public async Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        if (workItem.LockToken is LocalActivityLock local)
        {
            // Run it again here, after a back-off when it failed; if the partition moves meanwhile, its new owner runs it.
            _localActivities.TryRemove(workItem.Message.MessageId, out _);
            try
            {
                await Task.Delay(failure is null ? TimeSpan.Zero : Backoff(1), _stopping.Token).ConfigureAwait(false);
                RunLocally(local.Partition, workItem.Message);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the next owner re-runs it from the history.
            }

            return;
        }

        var token = workItem.LockToken as ActivityLock ?? throw new ArgumentException("The work item was not locked by this backend.", nameof(workItem));
        var delay = TimeSpan.Zero;
        if (failure is not null)
        {
            _lastErrors[token.MessageId] = failure.GetType().FullName + ": " + failure.Message;
            delay = Backoff(workItem.Message.DequeueCount + 1);
        }

        try
        {
            Statistics.Count(StorageOperation.QueueUpdate);
            await _storage.WorkItems.UpdateMessageAsync(token.MessageId, token.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Already redelivered elsewhere.
        }
    }

    private async Task CompleteLocalActivityAsync(ActivityWorkItem workItem, LocalActivityLock local, TaskMessage result, CancellationToken cancellationToken)
    {
        var id = workItem.Message.InstanceId;
        var inMemory = false;
        try
        {
            _faults.OnStep(FaultPoint.ActivityExecuted, id);
            if (AddToInbox(local.Partition, [new InboxMessage(result, null, null)]))
            {
                // Committed with the instance's next turn; until then only this process holds it.
                inMemory = true;
            }
            else
            {
                await SendControlMessageAsync(result, cancellationToken).ConfigureAwait(false);
            }

            _faults.OnStep(FaultPoint.ActivityResultSent, id);
        }
        catch (SimulatedCrashException)
        {
            ForgetLocalActivity(workItem, inMemory ? result.MessageId : null);
            throw;
        }
        finally
        {
            _localActivities.TryRemove(workItem.Message.MessageId, out _);
        }
    }

    /// <summary>
    /// Reads the work-item queue, which carries only requests whose partition had moved when their turn
    /// was sent, and feeds them to the activity loops; backs off while it is empty, a local send wakes it.
    /// </summary>
    private async Task RunWorkItemQueueReaderAsync(CancellationToken cancellationToken)
    {
        var idle = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (idle > TimeSpan.Zero && !_activityWake.IsSet)
                {
                    await Task.WhenAny(Task.Delay(idle, cancellationToken), _activityWake.Reset()).ConfigureAwait(false);
                }

                _ = _activityWake.Reset();
                if (_activityChannel.Reader.Count >= ReceiveBatch)
                {
                    // Enough work queued: do not hold more requests invisible than the loops can start.
                    idle = MinPollingInterval;
                    continue;
                }

                Statistics.Count(StorageOperation.QueueReceive);
                var messages = (await _storage.WorkItems.ReceiveMessagesAsync(ReceiveBatch, _options.ActivityVisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
                idle = messages.Length == 0
                    ? TimeSpan.FromTicks(Math.Clamp(idle.Ticks * 2, MinPollingInterval.Ticks, _options.MaxPollingInterval.Ticks))
                    : messages.Length < ReceiveBatch ? MinPollingInterval : TimeSpan.Zero;
                foreach (var received in messages)
                {
                    if (await TryLockActivityAsync(received, cancellationToken).ConfigureAwait(false) is { } item)
                    {
                        _activityChannel.Writer.TryWrite(item);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                Logs.StorageRetry(_logger, "work-item queue receive", ex);
                await AwaitQuietlyAsync(Task.Delay(_options.MaxPollingInterval, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    private async Task<ActivityWorkItem?> TryLockActivityAsync(QueueMessage received, CancellationToken cancellationToken)
    {
        if (received.DequeueCount > _options.MaxDequeueCount)
        {
            await PoisonAsync(_storage.WorkItems, received, "?", cancellationToken).ConfigureAwait(false);
            return null;
        }

        TaskMessage message;
        try
        {
            var decoded = await QueueEnvelope.DecodeAsync(received.MessageText, _payloads, cancellationToken).ConfigureAwait(false);
            message = decoded.Count == 1 ? decoded[0] : throw new FormatException("An activity request carries more than one message.");
            message = message with { DequeueCount = (int)Math.Max(0, received.DequeueCount - 1) };
            return new ActivityWorkItem(message) { LockToken = new ActivityLock(received.MessageId, received.PopReceipt) };
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or ArgumentException or NotSupportedException)
        {
            _lastErrors[received.MessageId] = "Unreadable activity request: " + ex.Message;
            await PoisonAsync(_storage.WorkItems, received, "?", cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
