namespace Workflow.Complaints.Sms;

/// <summary>The send log's row for one (case number, step).</summary>
/// <param name="RepeatabilityId">The id passed to the provider on every attempt.</param>
/// <param name="FirstSent">The time of the first attempt, whole seconds, passed with the id on every attempt.</param>
/// <param name="MessageId">The provider's message id once sent.</param>
/// <param name="SentAt">When the provider accepted it; null while not known to be sent.</param>
public sealed record SmsSendRecord(Guid RepeatabilityId, DateTimeOffset FirstSent, string? MessageId, DateTimeOffset? SentAt);
