using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Route names of <see cref="CaseAction"/> (<c>request-info</c>, ...).</summary>
public static class CaseActionNames
{
    /// <summary>The route name of an action.</summary>
    public static string ToName(this CaseAction action) => WireNames<CaseAction>.Of(action);

    /// <summary>Parses a route name (case-insensitive).</summary>
    public static bool TryParse(string? name, out CaseAction action) => WireNames<CaseAction>.TryParse(name, out action);
}
