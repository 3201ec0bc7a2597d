using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Where a case stands; moves only through <see cref="CaseTransitions"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>Registered and acknowledged; not yet with the responsible department.</summary>
    [JsonStringEnumMemberName("open")]
    Open,

    /// <summary>With the responsible department, awaiting the first response.</summary>
    [JsonStringEnumMemberName("forwarded")]
    Forwarded,

    /// <summary>The customer has had a response; the department is working on it.</summary>
    [JsonStringEnumMemberName("in-progress")]
    InProgress,

    /// <summary>Waiting on the customer (information, evidence); clocks paused.</summary>
    [JsonStringEnumMemberName("awaiting-customer")]
    AwaitingCustomer,

    /// <summary>A compensation above the agent's authority waits for a supervisor.</summary>
    [JsonStringEnumMemberName("awaiting-approval")]
    AwaitingApproval,

    /// <summary>The result is recorded and the customer told; the survey runs.</summary>
    [JsonStringEnumMemberName("resolved")]
    Resolved,

    /// <summary>Reopened for a supervisor's review after a low survey score.</summary>
    [JsonStringEnumMemberName("under-review")]
    UnderReview,

    /// <summary>Closed (also after a final decision); cannot be reopened.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,

    /// <summary>Withdrawn by the customer.</summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,
}
