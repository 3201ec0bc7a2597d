namespace Workflow.Complaints.Sms;

/// <summary>One event of an Event Grid delivery, in either schema, reduced to what the webhook uses.</summary>
/// <param name="Id">The event id (the unit of at-least-once delivery).</param>
/// <param name="Type">The event type.</param>
/// <param name="ValidationCode">For a subscription-validation event: the code to echo.</param>
/// <param name="Received">For an inbound SMS: the message.</param>
/// <param name="DeliveryReport">For a delivery report: the report.</param>
internal sealed record SmsInboundEvent(
    string Id,
    string Type,
    string? ValidationCode = null,
    SmsReceived? Received = null,
    SmsDeliveryReport? DeliveryReport = null);

/// <summary>An SMS a customer sent to our number.</summary>
/// <param name="MessageId">The provider's id of the inbound message.</param>
/// <param name="From">The sender as received (may lack the <c>+</c>).</param>
/// <param name="Text">The message text.</param>
/// <param name="ReceivedAt">When the provider received it.</param>
internal sealed record SmsReceived(string MessageId, string From, string Text, DateTimeOffset ReceivedAt);
