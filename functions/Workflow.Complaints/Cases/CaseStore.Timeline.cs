using Azure.Data.Tables;

namespace Workflow.Complaints.Cases;

public sealed partial class CaseStore
{
    /// <summary>
    /// Appends an entry to the case's timeline (a row per entry in the case's partition, keyed by
    /// time, so the partition reads back in order). An entry with an <see cref="TimelineEntry.Id"/>
    /// is written idempotently.
    /// </summary>
    public async Task AppendTimelineAsync(string caseNumber, TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Kind);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor);
        var timeline = await _tables.GetAsync(StorageTables.Timeline, cancellationToken);
        var id = entry.Id is null ? Guid.NewGuid().ToString("N") : TableKey.Escape(entry.Id);
        var row = CaseEntities.WithoutNulls(new TableEntity(caseNumber, TableKey.Time(entry.Time) + "|" + id)
        {
            [nameof(TimelineEntry.Time)] = entry.Time,
            [nameof(TimelineEntry.Kind)] = entry.Kind,
            [nameof(TimelineEntry.Actor)] = entry.Actor,
            [nameof(TimelineEntry.Reason)] = entry.Reason,
            [nameof(TimelineEntry.Details)] = entry.Details,
            [nameof(TimelineEntry.Id)] = entry.Id,
            [nameof(TimelineEntry.Clock)] = entry.Clock,
            [nameof(TimelineEntry.OldDeadline)] = entry.OldDeadline,
            [nameof(TimelineEntry.NewDeadline)] = entry.NewDeadline,
        });
        await timeline.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The case's timeline, oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseNumber);
        var timeline = await _tables.GetAsync(StorageTables.Timeline, cancellationToken);
        var entries = new List<TimelineEntry>();
        await foreach (var e in timeline.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseNumber}"), cancellationToken: cancellationToken))
        {
            entries.Add(new TimelineEntry(
                e.GetDateTimeOffset(nameof(TimelineEntry.Time)) ?? DateTimeOffset.MinValue,
                e.GetString(nameof(TimelineEntry.Kind)) ?? string.Empty,
                e.GetString(nameof(TimelineEntry.Actor)) ?? string.Empty,
                e.GetString(nameof(TimelineEntry.Reason)),
                e.GetString(nameof(TimelineEntry.Details)))
            {
                Id = e.GetString(nameof(TimelineEntry.Id)),
                Clock = e.GetString(nameof(TimelineEntry.Clock)),
                OldDeadline = e.GetDateTimeOffset(nameof(TimelineEntry.OldDeadline)),
                NewDeadline = e.GetDateTimeOffset(nameof(TimelineEntry.NewDeadline)),
            });
        }

        return entries;
    }
}
