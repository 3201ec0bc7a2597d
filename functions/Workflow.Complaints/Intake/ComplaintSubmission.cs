namespace Workflow.Complaints.Intake;

/// <summary>
/// The intake contract of SPEC section 1: what a customer, the intake page or a partner system
/// submits. The same field names are used in JSON bodies, form posts and queue messages.
/// </summary>
public sealed record ComplaintSubmission
{
    public string? CustomerName { get; init; }

    public string? Phone { get; init; }

    public string? Type { get; init; }

    public string? Description { get; init; }

    public string? Language { get; init; }

    public string? Region { get; init; }

    public string? BusinessLine { get; init; }

    public string? Product { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public string? Location { get; init; }

    public CustomerRequest? Request { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public string? AboutStaff { get; init; }

    public string? Channel { get; init; }

    public string? IdempotencyKey { get; init; }
}
