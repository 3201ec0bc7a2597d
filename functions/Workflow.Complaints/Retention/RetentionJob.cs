using Azure;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Cases;
using Workflow.Durable;
using Workflow.Durable.Client;

namespace Workflow.Complaints.Retention;

/// <summary>
/// Retention (SPEC section 6): purges the workflow history of cases closed more than
/// <see cref="RetentionOptions.HistoryDays"/> ago through the durable client (the case record keeps the timeline),
/// and the case records of cases closed more than <see cref="RetentionOptions.CaseRecordDays"/> ago. Closed cases are
/// found through the case index's <c>closed-history</c> and <c>closed</c> partitions (key range by close time), never by
/// scanning the cases. One run at a time across all hosts (<see cref="RetentionRuns"/>' lease); each run is recorded
/// with its counts.
/// </summary>
/// <remarks>
/// Every step can be repeated: a history purge is recorded on the case row after the purge, so a crash in
/// between purges nothing twice (the instance is gone; the next run only marks it); a record purge deletes the
/// retention index rows last (<see cref="CaseStore.PurgeAsync"/>), so an interrupted one is found again.
/// </remarks>
public sealed class RetentionJob(
    CaseStore store,
    DurableTaskClient client,
    RetentionRuns runs,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<RetentionJob> logger)
{
    // Renew the lease after this many cases, well within any lease duration.
    private const int RenewEvery = 50;

    private readonly Lock _gate = new();
    private RetentionRun? _running;
    private Task _current = Task.CompletedTask;

    /// <summary>The run in progress on this host (completed when none).</summary>
    public Task Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Starts a run in the background unless one is running on this or another host. <paramref name="ct"/> covers
    /// only the start; the run itself stops when the host stops.
    /// </summary>
    public async Task<RetentionStart> TryStartAsync(string trigger, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        var runId = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            if (_running is not null)
            {
                return new RetentionStart(null, _running.RunId);
            }

            _running = Placeholder(runId, trigger);
        }

        try
        {
            var lease = await runs.TryAcquireAsync(runId, ct).ConfigureAwait(false);
            if (!lease.Acquired)
            {
                RetentionLogs.Busy(logger, lease.HeldBy);
                Clear();
                return new RetentionStart(null, lease.HeldBy);
            }

            var now = time.GetUtcNow();
            var run = new RetentionRun(runId, trigger, RetentionRunStatus.Running, now, null,
                now.AddDays(-options.Value.HistoryDays), now.AddDays(-options.Value.CaseRecordDays), 0, 0, 0, 0, null);
            await runs.SaveAsync(run, ct).ConfigureAwait(false);
            RetentionLogs.RunStarted(logger, runId, trigger, run.HistoryClosedBefore, run.RecordClosedBefore);
            lock (_gate)
            {
                _running = run;
                _current = Task.Run(() => WorkAsync(run, lease, lifetime.ApplicationStopping), CancellationToken.None);
            }

            return new RetentionStart(run, null);
        }
        catch (Exception)
        {
            Clear();
            throw;
        }
    }

    private async Task WorkAsync(RetentionRun run, RetentionLease lease, CancellationToken stop)
    {
        var tally = new Tally();
        var status = RetentionRunStatus.Completed;
        try
        {
            var max = options.Value.MaxCasesPerRun;
            foreach (var closed in await store.ListClosedAsync(withHistoryOnly: true, run.HistoryClosedBefore, max, stop).ConfigureAwait(false))
            {
                await EachAsync(closed, tally, lease, PurgeHistoryAsync, stop).ConfigureAwait(false);
            }

            foreach (var closed in await store.ListClosedAsync(withHistoryOnly: false, run.RecordClosedBefore, max, stop).ConfigureAwait(false))
            {
                await EachAsync(closed, tally, lease, PurgeRecordAsync, stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RequestFailedException or RetentionLeaseLostException)
        {
            RetentionLogs.RunFailed(logger, run.RunId, e);
            status = RetentionRunStatus.Failed;
            tally.Error ??= e.Message;
        }
        finally
        {
            await FinishAsync(run with
            {
                Status = status,
                FinishedAt = time.GetUtcNow(),
                HistoriesPurged = tally.Histories,
                CaseRecordsPurged = tally.Records,
                Skipped = tally.Skipped,
                Failed = tally.Failed,
                Error = tally.Error,
            }, lease, stop).ConfigureAwait(false);
        }
    }

    private async Task FinishAsync(RetentionRun finished, RetentionLease lease, CancellationToken stop)
    {
        try
        {
            if (!stop.IsCancellationRequested)
            {
                // A run stopped with its host stays "running" until the next run marks it abandoned.
                await runs.SaveAsync(finished, CancellationToken.None).ConfigureAwait(false);
                await runs.ReleaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
                RetentionLogs.RunFinished(logger, finished.RunId, finished.Status, finished.HistoriesPurged, finished.CaseRecordsPurged, finished.Skipped, finished.Failed);
            }
        }
        catch (RequestFailedException e)
        {
            // The lease expires on its own; the next run marks this one abandoned.
            RetentionLogs.RunFailed(logger, finished.RunId, e);
        }
        finally
        {
            Clear();
        }
    }

    private async Task EachAsync(ClosedCase closed, Tally tally, RetentionLease lease, Func<ClosedCase, Tally, CancellationToken, Task> purge, CancellationToken stop)
    {
        if (++tally.Handled % RenewEvery == 0 && !await runs.RenewAsync(lease, stop).ConfigureAwait(false))
        {
            throw new RetentionLeaseLostException();
        }

        try
        {
            await purge(closed, tally, stop).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            // One case's failure does not stop the run; the case is still listed for the next one.
            RetentionLogs.CaseFailed(logger, closed.CaseNumber, e);
            tally.Failed++;
            tally.Error ??= $"{closed.CaseNumber}: {e.Message}";
        }
    }

    /// <summary>
    /// Purges the case's workflow history unless that was done already. False when there is nothing more to do for the
    /// case: it is gone (its closed-index entry is dropped) or the instance could not be purged this run.
    /// </summary>
    private async Task<bool> PurgeInstanceOnceAsync(ClosedCase closed, Tally tally, CancellationToken ct)
    {
        var stored = await store.GetAsync(closed.CaseNumber, ct).ConfigureAwait(false);
        if (stored is null)
        {
            await store.ForgetClosedAsync(closed, ct).ConfigureAwait(false);
            return false;
        }

        return stored.HistoryPurgedAt is not null || await TryPurgeInstanceAsync(closed.CaseNumber, tally, ct).ConfigureAwait(false);
    }

    private async Task PurgeHistoryAsync(ClosedCase closed, Tally tally, CancellationToken ct)
    {
        if (await PurgeInstanceOnceAsync(closed, tally, ct).ConfigureAwait(false))
        {
            await store.MarkHistoryPurgedAsync(closed.CaseNumber, ct).ConfigureAwait(false);
        }
    }

    private async Task PurgeRecordAsync(ClosedCase closed, Tally tally, CancellationToken ct)
    {
        if (!await PurgeInstanceOnceAsync(closed, tally, ct).ConfigureAwait(false))
        {
            return;
        }

        if (await store.PurgeAsync(closed.CaseNumber, ct).ConfigureAwait(false))
        {
            tally.Records++;
        }
    }

    // False when the orchestration has not ended (the case is left for a later run).
    private async Task<bool> TryPurgeInstanceAsync(string caseNumber, Tally tally, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(caseNumber, cancellationToken: ct).ConfigureAwait(false);
        if (instance is null)
        {
            // Purged before a crash kept it off the case row, or never started.
            return true;
        }

        if (!instance.IsCompleted)
        {
            RetentionLogs.CaseSkipped(logger, caseNumber, instance.RuntimeStatus.ToString());
            tally.Skipped++;
            return false;
        }

        var purged = await client.PurgeInstanceAsync(caseNumber, ct).ConfigureAwait(false);
        tally.Histories += purged.PurgedInstanceCount;
        RetentionLogs.HistoryPurged(logger, caseNumber);
        return true;
    }

    private void Clear()
    {
        lock (_gate)
        {
            _running = null;
        }
    }

    private RetentionRun Placeholder(string runId, string trigger)
    {
        var now = time.GetUtcNow();
        return new RetentionRun(runId, trigger, RetentionRunStatus.Running, now, null, now, now, 0, 0, 0, 0, null);
    }

    private sealed class Tally
    {
        public int Handled { get; set; }

        public int Histories { get; set; }

        public int Records { get; set; }

        public int Skipped { get; set; }

        public int Failed { get; set; }

        public string? Error { get; set; }
    }
}
