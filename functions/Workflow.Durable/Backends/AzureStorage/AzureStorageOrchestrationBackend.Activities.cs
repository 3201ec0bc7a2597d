using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues.Models;
using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>Activity work items: batched receives from the work-item queue, at-least-once delivery.</summary>
public sealed partial class AzureStorageOrchestrationBackend
{
    private readonly ConcurrentQueue<QueueMessage> _activityBuffer = new();
    private readonly SemaphoreSlim _activityReceiveGate = new(1, 1);
    private readonly WakeSignal _activityWake = new();
    private int _activityQueueDrained;

    /// <inheritdoc/>
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var idle = TimeSpan.Zero;
        while (!linked.IsCancellationRequested)
        {
            if (_activityBuffer.TryDequeue(out var received))
            {
                if (await TryLockActivityAsync(received, linked.Token).ConfigureAwait(false) is { } item)
                {
                    return item;
                }

                continue;
            }

            try
            {
                if (Interlocked.Exchange(ref _activityQueueDrained, 0) == 1 && !_activityWake.IsSet)
                {
                    // The last batch was partial: the queue is drained, so pause briefly unless a local send wakes us.
                    await Task.WhenAny(Task.Delay(MinPollingInterval, linked.Token), _activityWake.Reset()).ConfigureAwait(false);
                }

                var wake = _activityWake.Reset();
                if (!await ReceiveActivitiesAsync(linked.Token).ConfigureAwait(false))
                {
                    idle = idle == TimeSpan.Zero ? MinPollingInterval : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollingInterval.Ticks));
                    await Task.WhenAny(Task.Delay(idle, linked.Token), wake).ConfigureAwait(false);
                }
                else
                {
                    idle = TimeSpan.Zero;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (RequestFailedException ex)
            {
                Logs.StorageRetry(_logger, "work-item queue receive", ex);
                await AwaitQuietlyAsync(Task.Delay(_options.MaxPollingInterval, linked.Token)).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public async Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(result);
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

    private async Task<bool> ReceiveActivitiesAsync(CancellationToken cancellationToken)
    {
        await _activityReceiveGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_activityBuffer.IsEmpty)
            {
                return true;
            }

            Statistics.Count(StorageOperation.QueueReceive);
            var messages = (await _storage.WorkItems.ReceiveMessagesAsync(ReceiveBatch, _options.ActivityVisibilityTimeout, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var m in messages)
            {
                _activityBuffer.Enqueue(m);
            }

            if (messages.Length is > 0 and < ReceiveBatch)
            {
                Volatile.Write(ref _activityQueueDrained, 1);
            }

            return messages.Length > 0;
        }
        finally
        {
            _activityReceiveGate.Release();
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
            message = await QueueEnvelope.DecodeAsync(received.MessageText, _payloads, cancellationToken).ConfigureAwait(false);
            message = message with { DequeueCount = (int)Math.Max(0, received.DequeueCount - 1) };
            var item = new ActivityWorkItem(message) { LockToken = new ActivityLock(received.MessageId, received.PopReceipt) };
            _faults.OnStep(FaultPoint.ActivityLocked, message.InstanceId);
            return item;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or ArgumentException or NotSupportedException)
        {
            _lastErrors[received.MessageId] = "Unreadable activity request: " + ex.Message;
            await PoisonAsync(_storage.WorkItems, received, "?", cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
