namespace Workflow.Durable.Backends.InMemory;

/// <summary>
/// The lock of one orchestration work item (its <c>LockToken</c>): which instance, which inbox
/// entries it consumed, and when it expires. Compared by reference: a re-taken lock is a new lease.
/// </summary>
internal sealed class OrchestrationLease(InstanceRecord record, IReadOnlyList<InboxEntry> entries)
{
    public InstanceRecord Record { get; } = record;

    public IReadOnlyList<InboxEntry> Entries { get; } = entries;

    public OrchestrationLockExpiry? Expiry { get; set; }

    /// <summary>Whether this lease is still the instance's lock.</summary>
    public bool IsHeld => ReferenceEquals(Record.Lease, this);
}
