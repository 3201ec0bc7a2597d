using Microsoft.Extensions.Logging;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>The Azure Storage backend's log messages (event ids 4000-4099).</summary>
internal static partial class Logs
{
    [LoggerMessage(4000, LogLevel.Information, "Worker {WorkerId} acquired partition {Partition} of task hub {TaskHub}.")]
    public static partial void PartitionAcquired(ILogger logger, string workerId, string partition, string taskHub);

    [LoggerMessage(4001, LogLevel.Information, "Worker {WorkerId} released partition {Partition} of task hub {TaskHub}.")]
    public static partial void PartitionReleased(ILogger logger, string workerId, string partition, string taskHub);

    [LoggerMessage(4002, LogLevel.Warning, "Worker {WorkerId} lost partition {Partition} of task hub {TaskHub}.")]
    public static partial void PartitionLost(ILogger logger, string workerId, string partition, string taskHub);

    [LoggerMessage(4003, LogLevel.Warning, "Message {MessageId} for instance {InstanceId} moved to the poison queue after {DequeueCount} deliveries: {Error}")]
    public static partial void MessagePoisoned(ILogger logger, string messageId, string instanceId, long dequeueCount, string error);

    [LoggerMessage(4004, LogLevel.Warning, "Storage operation {Operation} failed; retrying.")]
    public static partial void StorageRetry(ILogger logger, string operation, Exception exception);

    [LoggerMessage(4005, LogLevel.Warning, "Instance {InstanceId}: the turn was committed but sending its messages failed; they are sent again on the next load.")]
    public static partial void OutboxSendFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(4006, LogLevel.Warning, "Instance {InstanceId}: its row was behind its history (a crash after a commit); repaired to {RuntimeStatus}.")]
    public static partial void InstanceRowRepaired(ILogger logger, string instanceId, string runtimeStatus);
}
