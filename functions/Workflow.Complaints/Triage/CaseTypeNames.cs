namespace Workflow.Complaints.Triage;

/// <summary>The wire names of <see cref="CaseType"/>, for configuration and routes where the JSON converter does not run.</summary>
public static class CaseTypeNames
{
    /// <summary>The contract name of a case type, e.g. <c>service-request</c>.</summary>
    public static string ToName(this CaseType type) => WireNames<CaseType>.Of(type);

    /// <summary>Parses a contract name (case-insensitive); false for anything else.</summary>
    public static bool TryParse(string? name, out CaseType type) => WireNames<CaseType>.TryParse(name, out type);
}
