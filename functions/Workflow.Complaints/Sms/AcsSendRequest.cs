using System.Text.Json.Serialization;

namespace Workflow.Complaints.Sms;

/// <summary>The body of <c>POST /sms</c>.</summary>
internal sealed record AcsSendRequest(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("smsRecipients")] IReadOnlyList<AcsSmsRecipient> SmsRecipients,
    [property: JsonPropertyName("smsSendOptions")] AcsSmsSendOptions SmsSendOptions);

/// <summary>One recipient with its repeatability id and the RFC 1123 time of the first attempt.</summary>
internal sealed record AcsSmsRecipient(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("repeatabilityRequestId")] string RepeatabilityRequestId,
    [property: JsonPropertyName("repeatabilityFirstSent")] string RepeatabilityFirstSent);

/// <summary>Delivery report and tag options.</summary>
internal sealed record AcsSmsSendOptions(
    [property: JsonPropertyName("enableDeliveryReport")] bool EnableDeliveryReport,
    [property: JsonPropertyName("tag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag);
