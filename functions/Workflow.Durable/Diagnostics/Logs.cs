using Microsoft.Extensions.Logging;

namespace Workflow.Durable.Diagnostics;

/// <summary>The runtime's log messages. Event ids 1000-1099: worker; 1100-1199: client; 1200-1299: backends.</summary>
internal static partial class Logs
{
    [LoggerMessage(1000, LogLevel.Information, "Durable worker started: {OrchestrationConcurrency} orchestration and {ActivityConcurrency} activity slots.")]
    public static partial void WorkerStarted(ILogger logger, int orchestrationConcurrency, int activityConcurrency);

    [LoggerMessage(1001, LogLevel.Information, "Durable worker stopped.")]
    public static partial void WorkerStopped(ILogger logger);

    [LoggerMessage(1002, LogLevel.Debug, "Instance {InstanceId} ({Name}) turn committed: status {Status}, {EventCount} new events, {DiscardedCount} messages discarded.")]
    public static partial void TurnCommitted(ILogger logger, string instanceId, string? name, OrchestrationRuntimeStatus? status, int eventCount, int discardedCount);

    [LoggerMessage(1003, LogLevel.Warning, "Instance {InstanceId}: lost its lock, the turn was not committed and will be retried: {Reason}")]
    public static partial void LockLost(ILogger logger, string instanceId, string reason);

    [LoggerMessage(1004, LogLevel.Error, "Instance {InstanceId}: the turn failed and is abandoned for a retry.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(1005, LogLevel.Warning, "Simulated crash at {Point} (instance {InstanceId}).")]
    public static partial void SimulatedCrash(ILogger logger, Workflow.Durable.Backend.FaultPoint point, string instanceId);

    [LoggerMessage(1006, LogLevel.Warning, "Activity {Name} (#{TaskId}) of instance {InstanceId} failed: {Error}")]
    public static partial void ActivityFailed(ILogger logger, string name, int taskId, string instanceId, string error);

    [LoggerMessage(1007, LogLevel.Error, "Activity work item {Name} of instance {InstanceId} could not be completed and is abandoned.")]
    public static partial void ActivityAbandoned(ILogger logger, Exception exception, string name, string instanceId);

    [LoggerMessage(1008, LogLevel.Error, "The durable worker's {Loop} loop failed; it restarts after a pause.")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop);

    [LoggerMessage(1009, LogLevel.Warning, "Instance {InstanceId} failed: {Error}")]
    public static partial void InstanceFailed(ILogger logger, string instanceId, string error);
}
