namespace Workflow.Complaints.Triage;

/// <summary>One rule that fired during triage, for the timeline ("why is this case urgent?").</summary>
/// <param name="Rule">A stable rule name from <see cref="TriageRules"/>.</param>
/// <param name="Detail">The keyword, amount or count that matched, if any.</param>
public sealed record TriageReason(string Rule, string? Detail = null)
{
    /// <inheritdoc />
    public override string ToString() => Detail is null ? Rule : $"{Rule}: {Detail}";
}
