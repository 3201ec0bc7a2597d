using System.Text.Json.Serialization;

namespace Workflow.Complaints.Triage;

/// <summary>The seeds' 一般 / 紧急 / 特急 (SPEC section 2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>一般: the default clocks.</summary>
    [JsonStringEnumMemberName("normal")]
    Normal,

    /// <summary>紧急: financial loss, a deadline of the customer's own, or a repeat of an unresolved case; clocks halved.</summary>
    [JsonStringEnumMemberName("urgent")]
    Urgent,

    /// <summary>特急: outage, safety risk or emergency; emergency path at once.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,
}
