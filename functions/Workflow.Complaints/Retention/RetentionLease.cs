using Azure;

namespace Workflow.Complaints.Retention;

/// <summary>The outcome of asking for the retention lease: held by this run, or the run that holds it.</summary>
public sealed class RetentionLease
{
    internal RetentionLease(string? runId, ETag etag, string? heldBy)
    {
        RunId = runId;
        ETag = etag;
        HeldBy = heldBy;
    }

    /// <summary>The run holding the lease through this object; null when it was not taken.</summary>
    public string? RunId { get; }

    /// <summary>Whether this run holds the lease.</summary>
    public bool Acquired => RunId is not null;

    /// <summary>When not acquired: the run that holds it (if known).</summary>
    public string? HeldBy { get; }

    internal ETag ETag { get; set; }
}
