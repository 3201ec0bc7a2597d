using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>A timer row of the <c>{hub}Timers</c> table held in its partition owner's schedule.</summary>
/// <param name="Partition">The control partition of the target instance (the row's partition key).</param>
/// <param name="RowKey">The row key: instance id and message id, so a retried write overwrites.</param>
/// <param name="DueAt">When the message may be delivered (UTC); never before.</param>
/// <param name="Message">The message to deliver.</param>
internal sealed record ScheduledTimer(int Partition, string RowKey, DateTime DueAt, TaskMessage Message);
