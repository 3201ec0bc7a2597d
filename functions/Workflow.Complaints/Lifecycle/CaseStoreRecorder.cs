using System.Globalization;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// The <see cref="ICaseRecorder"/> on the Table-backed <see cref="CaseStore"/>. The case row already exists
/// (intake's opener creates it with the customer record); the orchestration's activities complete it,
/// keep its read-model fields current and write the timeline. Every write is idempotent, so a retried
/// activity changes nothing a second time.
/// </summary>
public sealed class CaseStoreRecorder(CaseStore store, TimeProvider time) : ICaseRecorder
{
    /// <summary>The prefix of the timeline entry ids the orchestration writes; the sequence number follows.</summary>
    public const string TimelineIdPrefix = "seq-";

    /// <inheritdoc />
    public async Task RecordCaseAsync(CaseRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = await store.UpdateAsync(record.CaseNumber, c => c with
        {
            Severity = WireNames<Severity>.Of(record.Severity),
            Level = (int)record.Level,
            Department = record.Department,
            NextDeadline = record.NextDeadline,
            NextClock = record.NextClock is { } clock ? WireNames<ClockKind>.Of(clock) : null,
        }, ct);
        if (stored is null)
        {
            throw new InvalidOperationException($"Case {record.CaseNumber} has no case row; intake records it before the lifecycle starts.");
        }
    }

    /// <inheritdoc />
    public async Task UpdateCaseAsync(CaseUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        var now = time.GetUtcNow();
        var stored = await store.UpdateAsync(update.CaseNumber, c => Apply(c, update, now), ct);
        if (stored is null)
        {
            throw new InvalidOperationException($"Case {update.CaseNumber} has no case row.");
        }
    }

    /// <inheritdoc />
    public Task AppendTimelineAsync(TimelineEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // The id is the sequence number and the time is the orchestration's (replay-stable): a repeat
        // writes the same row key and overwrites the entry instead of adding one.
        var row = new Cases.TimelineEntry(entry.At, entry.Kind, entry.Actor, entry.Reason)
        {
            Id = TimelineId(entry.Sequence),
            Clock = entry.Clock is { } clock ? WireNames<ClockKind>.Of(clock) : null,
            OldDeadline = entry.OldDeadline,
            NewDeadline = entry.NewDeadline,
        };
        return store.AppendTimelineAsync(entry.CaseNumber, row, ct);
    }

    /// <inheritdoc />
    public async Task<CaseContact?> GetContactAsync(string caseNumber, CancellationToken ct)
    {
        var stored = await store.GetAsync(caseNumber, ct);
        var phone = stored is null ? null : await store.GetSmsRecipientAsync(caseNumber, ct);
        return stored is null || phone is null ? null : new CaseContact(phone, stored.Language, stored.Region ?? string.Empty);
    }

    /// <summary>The timeline entry id of the orchestration's step <paramref name="sequence"/> (sorts in sequence order).</summary>
    public static string TimelineId(int sequence) => TimelineIdPrefix + sequence.ToString("D6", CultureInfo.InvariantCulture);

    // A pure function of the stored case and the update (the store may apply it again on a conflict).
    private static Case Apply(Case c, CaseUpdate update, DateTimeOffset now)
    {
        var finished = CaseTransitions.IsFinished(update.Status);
        var responded = update.Status is not (CaseStatus.Open or CaseStatus.Forwarded or CaseStatus.AwaitingCustomer);
        var reopened = update.Status == CaseStatus.UnderReview && c.Status != CaseStatus.UnderReview.ToName();
        return c with
        {
            Status = update.Status.ToName(),
            Severity = WireNames<Severity>.Of(update.Severity),
            Department = update.Department,
            NextDeadline = finished ? null : update.NextDeadline,
            NextClock = finished || update.NextDeadline is null || update.NextClock is not { } clock ? null : WireNames<ClockKind>.Of(clock),
            SatisfactionScore = update.SurveyScore ?? c.SatisfactionScore,
            FirstResponseAt = c.FirstResponseAt ?? (responded && !finished ? now : null),
            ResolvedAt = c.ResolvedAt ?? (update.Status == CaseStatus.Resolved ? now : null),
            ClosedAt = finished ? c.ClosedAt ?? now : null,
            ReopenedCount = c.ReopenedCount + (reopened ? 1 : 0),
        };
    }
}
