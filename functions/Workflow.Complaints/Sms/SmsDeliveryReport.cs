namespace Workflow.Complaints.Sms;

/// <summary>A delivery report from the provider for one sent message.</summary>
/// <param name="MessageId">The provider's message id (as returned when sending).</param>
/// <param name="To">The recipient, normalised to E.164 (or as received when it does not parse).</param>
/// <param name="Status">The delivery status (<c>Delivered</c>, <c>Failed</c>, ...).</param>
/// <param name="StatusDetails">The provider's explanation.</param>
/// <param name="Tag">The tag sent with the message: the case number.</param>
/// <param name="ReceivedAt">When the provider received the report.</param>
public sealed record SmsDeliveryReport(string MessageId, string To, string Status, string? StatusDetails, string? Tag, DateTimeOffset? ReceivedAt);
