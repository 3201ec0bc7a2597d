using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Who a running clock is on: the assignee first, after a breach the supervisor (then the department head, without a clock).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationStage>))]
public enum EscalationStage
{
    /// <summary>The assignee's original clock.</summary>
    [JsonStringEnumMemberName("assignee")]
    Assignee,

    /// <summary>The supervisor's shorter clock after the first breach.</summary>
    [JsonStringEnumMemberName("supervisor")]
    Supervisor,
}
