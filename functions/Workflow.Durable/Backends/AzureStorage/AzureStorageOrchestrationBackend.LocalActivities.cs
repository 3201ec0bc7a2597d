using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Workflow.Durable.Backend;
using Workflow.Durable.Core;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// Activities run on the owner of their instance's partition: a committed turn's activity requests go
/// to an in-process queue instead of the work-item queue, and each result goes straight into the
/// instance's inbox, to be committed with the next turn. No queue round trip per activity.
/// </summary>
/// <remarks>
/// Crash safety rests on the history and one marker row. The history says which activities are
/// outstanding (scheduled, no result). Before a commit that leaves activities outstanding, the owner
/// writes a marker row for the instance into its partition of <c>{hub}Timers</c>; it deletes the marker
/// only after a commit that leaves none. An owner that acquires a partition reads the markers with the
/// timers and loads each marked instance, and any load from storage re-runs the instance's outstanding
/// activities that are not already queued or running in this process. A result that is lost with the
/// process is produced again by the re-run, under the same message id, so it is applied once.
/// </remarks>
public sealed partial class AzureStorageOrchestrationBackend
{
    private const string ActivityMarkerKind = "PendingActivities";
    private static readonly TimeSpan RecoveryRetryDelay = TimeSpan.FromMilliseconds(100);
    private readonly Channel<ActivityWorkItem> _activityChannel = Channel.CreateUnbounded<ActivityWorkItem>();

    // Activity requests queued or running in this process, by message id.
    private readonly ConcurrentDictionary<string, byte> _localActivities = new(StringComparer.Ordinal);

    /// <summary>How many activities are queued or running on this host (for tests and diagnostics).</summary>
    public int LocalActivityCount => _localActivities.Count;

    private static string ActivityMarkerRowKey(string instanceId) => Sanitize(instanceId) + "|~activities";

    private static bool IsActivityMarker(TableEntity row) => row.GetString("Kind") == ActivityMarkerKind;

    /// <summary>Queues an activity request to run in this process; false when it is already queued or running here.</summary>
    private bool RunLocally(int partition, TaskMessage request)
    {
        if (!_localActivities.TryAdd(request.MessageId, 0))
        {
            return false;
        }

        _activityChannel.Writer.TryWrite(new ActivityWorkItem(request) { LockToken = new LocalActivityLock(partition) });
        return true;
    }

    /// <summary>After a load from storage: queues every outstanding activity whose result this process does not already hold.</summary>
    private void RunOutstandingActivities(InstanceSnapshot snapshot)
    {
        if (!snapshot.HasOutstandingActivities)
        {
            return;
        }

        var id = snapshot.InstanceId;
        var executionId = snapshot.State!.ExecutionId;
        HashSet<string> held;
        lock (_gate)
        {
            held = _inboxes.TryGetValue(id, out var inbox) ? [.. inbox.Messages.Select(m => m.Message.MessageId)] : [];
        }

        var partition = _storage.PartitionOf(id);
        foreach (var (taskId, scheduled) in snapshot.OutstandingActivities)
        {
            if (!held.Contains(MessageIds.ActivityResult(id, executionId, taskId)))
            {
                RunLocally(partition, new TaskMessage(MessageIds.Activity(id, executionId, taskId), id, executionId, scheduled));
            }
        }
    }

    /// <summary>Writes the instance's pending-activity marker (before the commit that makes activities outstanding).</summary>
    private async Task WriteActivityMarkerAsync(string instanceId, CancellationToken cancellationToken)
    {
        var row = new TableEntity(TaskHubStorage.PartitionName(_storage.PartitionOf(instanceId)), ActivityMarkerRowKey(instanceId))
        {
            ["Kind"] = ActivityMarkerKind,
            ["InstanceId"] = instanceId,
        };
        Statistics.Count(StorageOperation.TableWrite);
        await _storage.Timers.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the instance's pending-activity marker (after a commit that leaves no activity outstanding).</summary>
    private async Task DeleteActivityMarkerAsync(string instanceId, CancellationToken cancellationToken)
    {
        try
        {
            Statistics.Count(StorageOperation.TableWrite);
            await _storage.Timers.DeleteEntityAsync(TaskHubStorage.PartitionName(_storage.PartitionOf(instanceId)), ActivityMarkerRowKey(instanceId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsNotFound(ex))
        {
            // Never written, or deleted already.
        }
    }

    /// <summary>A local activity's lock or completion "crashed": forget it as a dead process would, and recover the instance later.</summary>
    private void ForgetLocalActivity(ActivityWorkItem item, string? resultMessageId)
    {
        _localActivities.TryRemove(item.Message.MessageId, out _);
        if (resultMessageId is not null)
        {
            // The result was only in memory: a dead process loses it unless a turn already took it.
            lock (_gate)
            {
                if (_inboxes.TryGetValue(item.Message.InstanceId, out var inbox) && !inbox.Locked)
                {
                    inbox.Messages.RemoveAll(m => m.Queue is null && m.Timer is null && m.Message.MessageId == resultMessageId);
                }
            }
        }

        // A new owner would find the instance's marker after the lease ran out; here the same process stands in for it.
        _ = RecoverAfterAsync(item.Message.InstanceId, _options.ControlMessageVisibilityTimeout);
    }

    private async Task RecoverAfterAsync(string instanceId, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            await RecoverAsync(instanceId, fromMarker: false, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Recovers the instances whose markers a newly acquired partition holds.</summary>
    private async Task RecoverMarkedAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var id in instanceIds)
            {
                await RecoverAsync(id, fromMarker: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The partition was released; its next owner recovers them.
        }
    }

    /// <summary>
    /// Loads an instance from storage under the in-process lock, as a new owner would, which re-runs its
    /// outstanding activities; a marker with nothing outstanding behind it is deleted.
    /// </summary>
    private async Task RecoverAsync(string instanceId, bool fromMarker, CancellationToken cancellationToken)
    {
        var partition = _storage.PartitionOf(instanceId);
        while (true)
        {
            if (!_owned.TryGetValue(partition, out var owner) || owner.Releasing)
            {
                return;
            }

            lock (_gate)
            {
                if (!_inboxes.TryGetValue(instanceId, out var inbox))
                {
                    inbox = new InstanceInbox(partition);
                    _inboxes[instanceId] = inbox;
                }

                if (!inbox.Locked)
                {
                    inbox.Locked = true;
                    break;
                }
            }

            // A turn holds the instance; try again when it is done.
            await Task.Delay(RecoveryRetryDelay, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            _cache.TryRemove(instanceId, out _);
            var snapshot = await GetSnapshotAsync(instanceId, [], cancellationToken).ConfigureAwait(false);
            if (fromMarker && !snapshot.HasOutstandingActivities)
            {
                await DeleteActivityMarkerAsync(instanceId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
        {
            Logs.StorageRetry(_logger, "recover instance " + instanceId, ex);
            _ = RecoverAfterAsync(instanceId, _options.MaxPollingInterval);
        }
        finally
        {
            Unlock(instanceId, [], requeueAfter: null);
        }
    }
}

/// <summary>The lock of an activity running on its instance's partition owner.</summary>
internal sealed record LocalActivityLock(int Partition);
