using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The situations that have approved wording (话术, SPEC section 4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResponseSituation>))]
public enum ResponseSituation
{
    /// <summary>Acknowledge receipt with the promised time.</summary>
    [JsonStringEnumMemberName("acknowledge")]
    Acknowledge,

    /// <summary>Apologise, clarify, say what will be done.</summary>
    [JsonStringEnumMemberName("apologise-clarify-solve")]
    ApologiseClarifySolve,

    /// <summary>The case was passed to a department.</summary>
    [JsonStringEnumMemberName("transfer-to-department")]
    TransferToDepartment,

    /// <summary>Apology for a delay, with the new time.</summary>
    [JsonStringEnumMemberName("delay")]
    Delay,

    /// <summary>The final decision (最终处理意见).</summary>
    [JsonStringEnumMemberName("final-decision")]
    FinalDecision,

    /// <summary>The resolution and remedy.</summary>
    [JsonStringEnumMemberName("resolution")]
    Resolution,

    /// <summary>A polite refusal of what cannot be granted.</summary>
    [JsonStringEnumMemberName("refusal")]
    Refusal,
}
