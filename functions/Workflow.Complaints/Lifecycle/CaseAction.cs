using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Staff and customer actions on a case; JSON names are the route segments of SPEC section 11.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseAction>))]
public enum CaseAction
{
    /// <summary>Hand the case to the responsible department.</summary>
    [JsonStringEnumMemberName("forward")]
    Forward,

    /// <summary>Record a message to the customer (this, not a note, is a response).</summary>
    [JsonStringEnumMemberName("respond")]
    Respond,

    /// <summary>Ask the customer for information; pauses the clocks.</summary>
    [JsonStringEnumMemberName("request-info")]
    RequestInfo,

    /// <summary>The customer answered an information request; clocks resume.</summary>
    [JsonStringEnumMemberName("customer-info-received")]
    CustomerInfoReceived,

    /// <summary>Record the result with responsibility and remedy.</summary>
    [JsonStringEnumMemberName("resolve")]
    Resolve,

    /// <summary>Ask a supervisor to approve a compensation above the agent's authority.</summary>
    [JsonStringEnumMemberName("request-approval")]
    RequestApproval,

    /// <summary>Supervisor approves the compensation.</summary>
    [JsonStringEnumMemberName("approve")]
    Approve,

    /// <summary>Supervisor rejects the compensation.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject,

    /// <summary>Move the case to another department or handler.</summary>
    [JsonStringEnumMemberName("reassign")]
    Reassign,

    /// <summary>Raise or lower the severity; clocks are recomputed.</summary>
    [JsonStringEnumMemberName("change-severity")]
    ChangeSeverity,

    /// <summary>Escalate by hand.</summary>
    [JsonStringEnumMemberName("escalate")]
    Escalate,

    /// <summary>An internal note; not a response.</summary>
    [JsonStringEnumMemberName("note")]
    Note,

    /// <summary>A supervisor's final decision (最终处理意见); closes the case for good.</summary>
    [JsonStringEnumMemberName("final-decision")]
    FinalDecision,

    /// <summary>Close the case.</summary>
    [JsonStringEnumMemberName("close")]
    Close,

    /// <summary>The customer withdraws the case.</summary>
    [JsonStringEnumMemberName("withdraw")]
    Withdraw,

    /// <summary>A survey score at or below the threshold reopens a resolved case for review.</summary>
    [JsonStringEnumMemberName("survey-low-score-reopen")]
    SurveyLowScoreReopen,
}
