using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;

namespace Workflow.Complaints.Notifications;

/// <summary>
/// The host's <see cref="INotifier"/>: records every staff notification in the <c>StaffNotifications</c> table,
/// where the outbox API lists it (held until <see cref="StaffNotification.DeliverAt"/>, or due).
/// </summary>
/// <remarks>
/// Recorded with insert-if-absent on a row key made of the orchestration's (replay-stable) time and the
/// notification's key, so an activity that is retried, replayed after a crash, or run twice by two hosts
/// records the notification once.
/// </remarks>
public sealed class TableOutboxNotifier(StorageTables tables, TimeProvider time, ILogger<TableOutboxNotifier> logger) : INotifier
{
    /// <summary>The most items one page may hold.</summary>
    public const int MaxPageSize = 1000;

    /// <inheritdoc />
    public async Task NotifyAsync(StaffNotification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await tables.GetAsync(StorageTables.Notifications, ct).ConfigureAwait(false);
        var entity = StaffNotificationEntity.From(notification, time.GetUtcNow());
        try
        {
            await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
            NotificationLogs.Recorded(logger, notification.CaseNumber, notification.Key, entity.Role, notification.DeliverAt);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded before (a retried or replayed activity): nothing new.
            NotificationLogs.AlreadyRecorded(logger, notification.CaseNumber, notification.Key);
        }
    }

    /// <summary>Lists recorded notifications matching <paramref name="query"/>; held/due is judged at the current time.</summary>
    public async Task<StaffNotificationPage> ListAsync(NotificationQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, MaxPageSize);
        var now = time.GetUtcNow();
        var table = await tables.GetAsync(StorageTables.Notifications, ct).ConfigureAwait(false);
        var filter = FilterFor(query, now);
        var pages = table.QueryAsync<StaffNotificationEntity>(filter, query.PageSize, cancellationToken: ct)
            .AsPages(query.ContinuationToken, query.PageSize);
        await foreach (var page in pages.WithCancellation(ct).ConfigureAwait(false))
        {
            return new StaffNotificationPage([.. page.Values.Select(e => e.ToItem(now))], page.ContinuationToken);
        }

        return new StaffNotificationPage([], null);
    }

    private static string? FilterFor(NotificationQuery query, DateTimeOffset now)
    {
        var clauses = new List<string>();
        if (query.CaseNumber is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey eq {query.CaseNumber}"));
        }

        if (query.Role is not null)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Role eq {query.Role}"));
        }

        if (query.State == NotificationState.Held)
        {
            clauses.Add(TableClient.CreateQueryFilter($"DeliverAt gt {now}"));
        }
        else if (query.State == NotificationState.Due)
        {
            clauses.Add(TableClient.CreateQueryFilter($"DeliverAt le {now}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }
}
