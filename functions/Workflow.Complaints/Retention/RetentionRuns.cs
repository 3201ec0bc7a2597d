using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Retention;

/// <summary>
/// The <c>RetentionRuns</c> table: one row per run (partition <c>run</c>, row key = inverted start time, so the
/// newest reads first) and the task hub's retention lease (partition <c>lease</c>), which lets one run at a time
/// work across every host: taken with an ETag-guarded write, renewed while the run works, expired when its host
/// dies.
/// </summary>
public sealed class RetentionRuns(StorageTables tables, TimeProvider time, IOptions<RetentionOptions> options)
{
    private const string RunPartition = "run";
    private const string LeasePartition = "lease";
    private const string LeaseRow = "retention";

    /// <summary>
    /// Takes the lease for <paramref name="runId"/> unless another run holds it unexpired (then the answer names
    /// that run). A run whose lease expired unreleased is marked <see cref="RetentionRunStatus.Abandoned"/>.
    /// </summary>
    public async Task<RetentionLease> TryAcquireAsync(string runId, CancellationToken ct)
    {
        var table = await tables.GetAsync(StorageTables.RetentionRuns, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var lease = new TableEntity(LeasePartition, LeaseRow) { ["RunId"] = runId, ["HeldUntil"] = now + options.Value.LeaseDuration };
        var current = await table.GetEntityIfExistsAsync<TableEntity>(LeasePartition, LeaseRow, cancellationToken: ct).ConfigureAwait(false);
        try
        {
            if (!current.HasValue)
            {
                var added = await table.AddEntityAsync(lease, ct).ConfigureAwait(false);
                return new RetentionLease(runId, added.Headers.ETag ?? ETag.All, null);
            }

            var holder = current.Value!;
            if (holder.GetDateTimeOffset("HeldUntil") > now)
            {
                return new RetentionLease(null, default, holder.GetString("RunId"));
            }

            var updated = await table.UpdateEntityAsync(lease, holder.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            if (holder.GetString("RunId") is { } previous)
            {
                await MarkAbandonedAsync(table, previous, ct).ConfigureAwait(false);
            }

            return new RetentionLease(runId, updated.Headers.ETag ?? ETag.All, null);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another host took it between our read and our write.
            var winner = await table.GetEntityIfExistsAsync<TableEntity>(LeasePartition, LeaseRow, cancellationToken: ct).ConfigureAwait(false);
            return new RetentionLease(null, default, winner.HasValue ? winner.Value!.GetString("RunId") : null);
        }
    }

    /// <summary>Extends a held lease; false when it was lost (another run took it after it expired).</summary>
    public async Task<bool> RenewAsync(RetentionLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var table = await tables.GetAsync(StorageTables.RetentionRuns, ct).ConfigureAwait(false);
        var renewed = new TableEntity(LeasePartition, LeaseRow) { ["RunId"] = lease.RunId, ["HeldUntil"] = time.GetUtcNow() + options.Value.LeaseDuration };
        try
        {
            var response = await table.UpdateEntityAsync(renewed, lease.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            lease.ETag = response.Headers.ETag ?? ETag.All;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Gives the lease back so the next run need not wait for it to expire.</summary>
    public async Task ReleaseAsync(RetentionLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var table = await tables.GetAsync(StorageTables.RetentionRuns, ct).ConfigureAwait(false);
        var released = new TableEntity(LeasePartition, LeaseRow) { ["RunId"] = lease.RunId, ["HeldUntil"] = time.GetUtcNow() };
        try
        {
            await table.UpdateEntityAsync(released, lease.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Lost already: the run that holds it now owns it.
        }
    }

    /// <summary>Writes (inserts or replaces) the row of <paramref name="run"/>.</summary>
    public async Task SaveAsync(RetentionRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await tables.GetAsync(StorageTables.RetentionRuns, ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The last <paramref name="count"/> runs, newest first.</summary>
    public async Task<IReadOnlyList<RetentionRun>> ListAsync(int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var table = await tables.GetAsync(StorageTables.RetentionRuns, ct).ConfigureAwait(false);
        var runs = new List<RetentionRun>(count);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RunPartition}"), maxPerPage: count, cancellationToken: ct).ConfigureAwait(false))
        {
            runs.Add(FromEntity(e));
            if (runs.Count == count)
            {
                break;
            }
        }

        return runs;
    }

    private static async Task MarkAbandonedAsync(TableClient table, string runId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RunPartition} and RunId eq {runId} and Status eq {RetentionRunStatus.Running}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            e["Status"] = RetentionRunStatus.Abandoned;
            await table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
    }

    private static TableEntity ToEntity(RetentionRun run) => new(RunPartition, RowKeyFor(run))
    {
        ["RunId"] = run.RunId,
        ["Trigger"] = run.Trigger,
        ["Status"] = run.Status,
        ["StartedAt"] = run.StartedAt,
        ["FinishedAt"] = run.FinishedAt,
        ["HistoryClosedBefore"] = run.HistoryClosedBefore,
        ["RecordClosedBefore"] = run.RecordClosedBefore,
        ["HistoriesPurged"] = run.HistoriesPurged,
        ["CaseRecordsPurged"] = run.CaseRecordsPurged,
        ["Skipped"] = run.Skipped,
        ["Failed"] = run.Failed,
        ["Error"] = run.Error,
    };

    private static RetentionRun FromEntity(TableEntity e) => new(
        e.GetString("RunId") ?? string.Empty,
        e.GetString("Trigger") ?? string.Empty,
        e.GetString("Status") ?? string.Empty,
        e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("FinishedAt"),
        e.GetDateTimeOffset("HistoryClosedBefore") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("RecordClosedBefore") ?? DateTimeOffset.MinValue,
        e.GetInt32("HistoriesPurged") ?? 0,
        e.GetInt32("CaseRecordsPurged") ?? 0,
        e.GetInt32("Skipped") ?? 0,
        e.GetInt32("Failed") ?? 0,
        e.GetString("Error"));

    private static string RowKeyFor(RetentionRun run) =>
        (DateTimeOffset.MaxValue.UtcTicks - run.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + run.RunId;
}
