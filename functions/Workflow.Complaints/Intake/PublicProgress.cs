using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>The public progress of a case: what anyone holding the case number may see (no personal data beyond the masked phone).</summary>
public sealed record PublicProgress(
    string CaseNumber,
    string Status,
    string Type,
    string MaskedPhone,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDeadline,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The public view of a case.</summary>
    public static PublicProgress From(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.CaseNumber, c.Status, c.Type, c.MaskedPhone, c.CreatedAt, c.NextDeadline, c.FirstResponseAt, c.ResolvedAt, c.ClosedAt);
    }
}
