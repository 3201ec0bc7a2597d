using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Wire names of <see cref="CaseStatus"/> for messages and storage.</summary>
public static class CaseStatusNames
{
    /// <summary>The wire name of a status, e.g. <c>awaiting-customer</c>.</summary>
    public static string ToName(this CaseStatus status) => WireNames<CaseStatus>.Of(status);

    /// <summary>Parses a wire name (case-insensitive).</summary>
    public static bool TryParse(string? name, out CaseStatus status) => WireNames<CaseStatus>.TryParse(name, out status);
}
