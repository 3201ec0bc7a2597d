namespace Workflow.Complaints.Cases;

/// <summary>
/// The personal part of a case, stored apart from the read model: only the SMS sender and an
/// audited staff read (<see cref="CaseStore.GetCustomerRecordAsync"/>) touch it.
/// </summary>
public sealed record CustomerRecord
{
    public required string CaseNumber { get; init; }

    public required string CustomerName { get; init; }

    /// <summary>The full number in E.164; empty once anonymised.</summary>
    public required string PhoneE164 { get; init; }

    public required string Description { get; init; }

    public string? Location { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>When the record was anonymised for retention, if it was.</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }
}
