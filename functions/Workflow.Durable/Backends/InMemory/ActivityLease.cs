namespace Workflow.Durable.Backends.InMemory;

/// <summary>The lock of one activity work item (its <c>LockToken</c>).</summary>
internal sealed class ActivityLease(ActivityEntry entry)
{
    public ActivityEntry Entry { get; } = entry;

    public ActivityLockExpiry? Expiry { get; set; }

    public bool IsHeld => ReferenceEquals(Entry.Lease, this);
}
