namespace Workflow.Complaints.Triage;

/// <summary>The wire names of <see cref="CaseType"/>, for configuration and routes where the JSON converter does not run.</summary>
public static class CaseTypeNames
{
    /// <summary>The contract name of a case type, e.g. <c>service-request</c>.</summary>
    public static string ToName(this CaseType type) => type switch
    {
        CaseType.Inquiry => "inquiry",
        CaseType.Complaint => "complaint",
        CaseType.ServiceRequest => "service-request",
        CaseType.Suggestion => "suggestion",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown case type."),
    };

    /// <summary>Parses a contract name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out CaseType type)
    {
        foreach (var candidate in Enum.GetValues<CaseType>())
        {
            if (string.Equals(candidate.ToName(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
