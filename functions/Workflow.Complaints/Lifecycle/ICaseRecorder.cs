namespace Workflow.Complaints.Lifecycle;

/// <summary>Where the orchestration's activities write the case row and its timeline. Every write is idempotent.</summary>
public interface ICaseRecorder
{
    /// <summary>Writes the case row (a repeat with the same case number changes nothing).</summary>
    Task RecordCaseAsync(CaseRecord record, CancellationToken ct);

    /// <summary>Updates the read-model fields of the case row.</summary>
    Task UpdateCaseAsync(CaseUpdate update, CancellationToken ct);

    /// <summary>Appends a timeline entry (a repeat of the same sequence number changes nothing).</summary>
    Task AppendTimelineAsync(TimelineEntry entry, CancellationToken ct);

    /// <summary>How to reach the customer of <paramref name="caseNumber"/>; null when no such case.</summary>
    Task<CaseContact?> GetContactAsync(string caseNumber, CancellationToken ct);
}
