using System.Collections.Concurrent;

namespace Workflow.Complaints.Lifecycle;

/// <summary>An in-memory <see cref="INotifier"/> for tests of the orchestration alone; the host uses <see cref="Notifications.TableOutboxNotifier"/>.</summary>
public sealed class OutboxNotifier : INotifier
{
    private readonly ConcurrentDictionary<(string CaseNumber, string Key), StaffNotification> _sent = new();
    private long _order;
    private readonly ConcurrentDictionary<(string CaseNumber, string Key), long> _orderOf = new();

    /// <inheritdoc />
    public Task NotifyAsync(StaffNotification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var key = (notification.CaseNumber, notification.Key);
        if (_sent.TryAdd(key, notification))
        {
            _orderOf[key] = Interlocked.Increment(ref _order);
        }

        return Task.CompletedTask;
    }

    /// <summary>The notifications due by <paramref name="now"/> (held ones excluded), oldest first.</summary>
    public IReadOnlyList<StaffNotification> Due(DateTimeOffset now) => [.. List().Where(n => n.DeliverAt <= now)];

    /// <summary>The notifications recorded, oldest first; only those of <paramref name="caseNumber"/> when given.</summary>
    public IReadOnlyList<StaffNotification> List(string? caseNumber = null) =>
        [.. _sent
            .Where(p => caseNumber is null || p.Key.CaseNumber == caseNumber)
            .OrderBy(p => _orderOf.GetValueOrDefault(p.Key))
            .Select(p => p.Value)];
}
