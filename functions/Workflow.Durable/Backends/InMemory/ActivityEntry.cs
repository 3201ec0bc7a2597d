using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>An activity request in the activity queue.</summary>
internal sealed class ActivityEntry(TaskMessage message)
{
    public TaskMessage Message { get; } = message;

    public int DequeueCount { get; set; }

    public ActivityLease? Lease { get; set; }

    /// <summary>Completed or poisoned; skipped if still queued.</summary>
    public bool Removed { get; set; }
}
