using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Who a staff notification is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))]
public enum StaffRole
{
    /// <summary>The case's handler in the responsible department.</summary>
    [JsonStringEnumMemberName("assignee")]
    Assignee,

    /// <summary>The department's supervisor.</summary>
    [JsonStringEnumMemberName("supervisor")]
    Supervisor,

    /// <summary>The department head.</summary>
    [JsonStringEnumMemberName("department-head")]
    DepartmentHead,

    /// <summary>The risk-control team.</summary>
    [JsonStringEnumMemberName("risk")]
    RiskControl,

    /// <summary>The public-relations team.</summary>
    [JsonStringEnumMemberName("pr")]
    PublicRelations,
}
