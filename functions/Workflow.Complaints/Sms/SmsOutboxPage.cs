namespace Workflow.Complaints.Sms;

/// <summary>A page of the outbox, newest first.</summary>
/// <param name="Items">The messages.</param>
/// <param name="ContinuationToken">Pass back to get the next page; null on the last page.</param>
public sealed record SmsOutboxPage(IReadOnlyList<SmsOutboxItem> Items, string? ContinuationToken);
