using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>Where a received message came from, so it can be deleted once its turn is committed.</summary>
internal sealed record QueueHandle(int Partition, string MessageId, string PopReceipt);

/// <summary>A message held in memory for an instance: from a control queue, or a timer that fell due.</summary>
internal sealed record InboxMessage(TaskMessage Message, QueueHandle? Queue, ScheduledTimer? Timer);

/// <summary>The messages held for one instance on its partition owner, and whether a work item has it locked.</summary>
internal sealed class InstanceInbox(int partition)
{
    public int Partition { get; } = partition;

    public List<InboxMessage> Messages { get; } = [];

    public bool Locked { get; set; }

    public bool Queued { get; set; }
}

/// <summary>The backend's lock on an orchestration work item.</summary>
internal sealed record OrchestrationLock(InstanceSnapshot Snapshot, IReadOnlyList<InboxMessage> Messages, int Partition);

/// <summary>The backend's lock on an activity request.</summary>
internal sealed record ActivityLock(string MessageId, string PopReceipt);
