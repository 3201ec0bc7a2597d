using System.Text.Json.Serialization;

namespace Workflow.Complaints.Triage;

/// <summary>Escalation levels of seed 003 (SPEC section 2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationLevel>))]
public enum EscalationLevel
{
    /// <summary>Handled by the routed department.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Repeat complaint or highly emotional customer: the senior complaints team.</summary>
    [JsonStringEnumMemberName("level1")]
    Level1,

    /// <summary>High compensation, legal or public-opinion risk: risk-control and PR teams, reviewed wording.</summary>
    [JsonStringEnumMemberName("level2")]
    Level2,
}
