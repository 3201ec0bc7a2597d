using System.Text.Json.Serialization;

namespace Workflow.Complaints.Sms;

/// <summary>The 202 answer of <c>POST /sms</c>: one result per recipient.</summary>
internal sealed record AcsSendResponse([property: JsonPropertyName("value")] IReadOnlyList<AcsSendRecipientResult>? Value);

/// <summary>The result for one recipient; one answer can mix successes and failures.</summary>
internal sealed record AcsSendRecipientResult(
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("httpStatusCode")] int HttpStatusCode,
    [property: JsonPropertyName("successful")] bool Successful,
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage,
    [property: JsonPropertyName("repeatabilityResult")] string? RepeatabilityResult);
