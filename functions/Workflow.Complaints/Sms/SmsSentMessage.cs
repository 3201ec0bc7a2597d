namespace Workflow.Complaints.Sms;

/// <summary>A message the send log handed to the provider, found by the provider's message id.</summary>
/// <param name="MessageId">The provider's message id.</param>
/// <param name="CaseNumber">The case it belongs to (empty for a reply that belongs to no case).</param>
/// <param name="Step">The step that sent it (<see cref="SmsSteps"/>, with <c>/n</c> for a repeat).</param>
/// <param name="RepeatabilityId">The repeatability id it was sent with.</param>
/// <param name="FirstSent">The time of its first attempt.</param>
public sealed record SmsSentMessage(string MessageId, string CaseNumber, string Step, Guid RepeatabilityId, DateTimeOffset FirstSent);
