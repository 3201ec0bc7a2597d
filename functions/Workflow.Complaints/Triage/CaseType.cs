using System.Text.Json.Serialization;

namespace Workflow.Complaints.Triage;

/// <summary>The four call types of the seeds (SPEC section 1); JSON names are the intake contract's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseType>))]
public enum CaseType
{
    /// <summary>A question that can be answered directly.</summary>
    [JsonStringEnumMemberName("inquiry")]
    Inquiry,

    /// <summary>Dissatisfaction that needs investigation.</summary>
    [JsonStringEnumMemberName("complaint")]
    Complaint,

    /// <summary>Business to be carried out (refund, change, repair).</summary>
    [JsonStringEnumMemberName("service-request")]
    ServiceRequest,

    /// <summary>Feedback for the weekly digest.</summary>
    [JsonStringEnumMemberName("suggestion")]
    Suggestion,
}
