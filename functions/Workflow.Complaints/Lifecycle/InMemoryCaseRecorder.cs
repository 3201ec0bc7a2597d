using System.Collections.Concurrent;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// An <see cref="ICaseRecorder"/> in process memory, for tests of the orchestration alone (the host uses
/// <see cref="CaseStoreRecorder"/>). As in the case store, the customer's number is kept apart from the case:
/// <see cref="SaveContact"/> stands for intake's customer record.
/// </summary>
public sealed class InMemoryCaseRecorder : ICaseRecorder
{
    private readonly ConcurrentDictionary<string, CaseRecord> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CaseContact> _contacts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CaseUpdate> _updates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, TimelineEntry>> _timelines = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task RecordCaseAsync(CaseRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        _cases.TryAdd(record.CaseNumber, record);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateCaseAsync(CaseUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        _updates[update.CaseNumber] = update;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AppendTimelineAsync(TimelineEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _timelines.GetOrAdd(entry.CaseNumber, _ => new ConcurrentDictionary<int, TimelineEntry>()).TryAdd(entry.Sequence, entry);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<CaseContact?> GetContactAsync(string caseNumber, CancellationToken ct) =>
        Task.FromResult(_contacts.GetValueOrDefault(caseNumber));

    /// <summary>Keeps how to reach the customer of <paramref name="caseNumber"/> (what intake's customer record holds).</summary>
    public void SaveContact(string caseNumber, CaseContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        _contacts[caseNumber] = contact;
    }

    /// <summary>The case row as recorded, if any.</summary>
    public CaseRecord? Case(string caseNumber) => _cases.GetValueOrDefault(caseNumber);

    /// <summary>The latest read-model update, if any.</summary>
    public CaseUpdate? Latest(string caseNumber) => _updates.GetValueOrDefault(caseNumber);

    /// <summary>The case's timeline in sequence order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline(string caseNumber) =>
        _timelines.TryGetValue(caseNumber, out var entries) ? [.. entries.Values.OrderBy(e => e.Sequence)] : [];
}
