namespace Workflow.Complaints.Intake;

/// <summary>
/// A poison message as operations see it: long digit runs in the body (phone numbers, card
/// numbers) are masked, since the dashboard must never show a full phone number.
/// </summary>
public sealed record PoisonMessageView(
    string Id,
    DateTimeOffset? InsertedOn,
    string Reason,
    IDictionary<string, string[]> Errors,
    string Body,
    bool BodyTruncated,
    DateTimeOffset RefusedAt);
