using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>A message waiting in an instance's inbox, with how often its delivery failed.</summary>
internal sealed class InboxEntry(TaskMessage message)
{
    public TaskMessage Message { get; } = message;

    public int DequeueCount { get; set; }

    /// <summary>Removed from the inbox (consumed or poisoned).</summary>
    public bool Removed { get; set; }

    public TaskMessage ToDelivery() => Message with { DequeueCount = DequeueCount };
}
