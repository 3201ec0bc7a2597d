namespace Workflow.Complaints.Sms;

/// <summary>The outcome of <see cref="ISmsSender.SendAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RepeatabilityId">The id derived from case number and step, passed to the provider on every attempt.</param>
/// <param name="MessageId">The provider's message id (matches delivery reports), when one was assigned.</param>
/// <param name="Error">The provider's reason when <paramref name="Status"/> is <see cref="SmsSendStatus.Failed"/>.</param>
/// <param name="ProviderStatus">The per-recipient HTTP status the provider reported, when any.</param>
public sealed record SmsSendResult(
    SmsSendStatus Status,
    Guid RepeatabilityId,
    string? MessageId = null,
    string? Error = null,
    int? ProviderStatus = null)
{
    /// <summary>True when a later attempt may succeed (the provider answered 429 or 5xx for this recipient).</summary>
    public bool IsTransientFailure => Status == SmsSendStatus.Failed && ProviderStatus is 429 or >= 500;
}
