using Azure;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Retention;

/// <summary>
/// Starts <see cref="RetentionJob"/> every <see cref="RetentionOptions.Interval"/>, counted from the last run on
/// record (of any host), so restarts neither skip nor repeat runs; time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class RetentionScheduler(
    RetentionJob job,
    RetentionRuns runs,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<RetentionScheduler> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var firstDue = time.GetUtcNow() + settings.FirstRunDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var listed = await runs.ListAsync(1, stoppingToken).ConfigureAwait(false);
                var last = listed.Count > 0 ? listed[0] : null;
                var due = last is null ? firstDue : last.StartedAt + settings.Interval;
                await WaitUntilAsync(due, stoppingToken).ConfigureAwait(false);
                var start = await job.TryStartAsync("scheduled", stoppingToken).ConfigureAwait(false);
                if (start.Started)
                {
                    await job.Current.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
                else
                {
                    // Another run holds the lease: look again once it has had time to finish or expire.
                    await WaitUntilAsync(time.GetUtcNow() + settings.LeaseDuration, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException e)
            {
                RetentionLogs.SchedulerStorageError(logger, e);
                await WaitUntilAsync(time.GetUtcNow() + TimeSpan.FromMinutes(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken ct)
    {
        var wait = due - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }
}
