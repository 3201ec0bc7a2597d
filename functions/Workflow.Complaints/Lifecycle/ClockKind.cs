using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The service-level clocks of SPEC section 3, each configured under <c>ServiceLevels:Clocks:{name}</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClockKind>))]
public enum ClockKind
{
    /// <summary>Forward a complaint or service request to the responsible department.</summary>
    [JsonStringEnumMemberName("forward")]
    Forward,

    /// <summary>
    /// First response to a complaint. The first response is a message to the customer recorded by
    /// staff through the <c>respond</c> action; an internal note, a forward or an automatic SMS
    /// (acknowledgement, progress) does not stop this clock.
    /// </summary>
    [JsonStringEnumMemberName("first-response")]
    FirstResponse,

    /// <summary>Complete a service request.</summary>
    [JsonStringEnumMemberName("completion")]
    Completion,

    /// <summary>Answer an inquiry (same working day).</summary>
    [JsonStringEnumMemberName("inquiry-answer")]
    InquiryAnswer,

    /// <summary>Tell the customer after the department reports a result.</summary>
    [JsonStringEnumMemberName("tell-customer")]
    TellCustomer,

    /// <summary>Answer a complaint about a staff member (working days; replaces the first-response clock).</summary>
    [JsonStringEnumMemberName("staff-complaint-answer")]
    StaffComplaintAnswer,

    /// <summary>Supervisor review after a low satisfaction score.</summary>
    [JsonStringEnumMemberName("supervisor-review")]
    SupervisorReview,

    /// <summary>Supervisor decision on a compensation above the agent's authority.</summary>
    [JsonStringEnumMemberName("approval")]
    Approval,
}
