using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.InMemory;

/// <summary>
/// A task hub held in process memory, for tests and benchmarks. It keeps the guarantees of
/// <see cref="IOrchestrationBackend"/>: one lock per instance with a timeout, commits that are atomic
/// per instance, messages delivered at least once, timers never early, poison after repeated failure.
/// Every step of a work item calls <see cref="InMemoryBackendOptions.FaultInjector"/>, so tests can
/// crash it anywhere and watch the work recover once locks expire on the (fake) clock.
/// </summary>
/// <remarks>
/// All state is guarded by one lock. Waiting for work and for due times never polls: lockers wait on
/// a signal pulsed when work arrives, and one <see cref="ITimer"/> from the <see cref="TimeProvider"/>
/// is armed for the earliest timer or lock expiry.
/// </remarks>
public sealed partial class InMemoryOrchestrationBackend : IOrchestrationBackend
{
    private readonly Lock gate = new();
    private readonly InMemoryBackendOptions options;
    private readonly Dictionary<string, InstanceRecord> instances = new(StringComparer.Ordinal);
    private readonly Queue<string> readyInstances = new();
    private readonly Queue<ActivityEntry> readyActivities = new();
    private readonly List<PoisonMessage> poisonMessages = [];
    private readonly DueSchedule schedule = new();
    private readonly WakeSignal orchestrationArrived = new();
    private readonly WakeSignal activityArrived = new();
    private readonly ITimer dueTimer;
    private DateTime? dueTimerArmedFor;
    private bool stopped;
    private bool disposed;

    /// <summary>Creates an empty backend with default options.</summary>
    public InMemoryOrchestrationBackend()
        : this(new InMemoryBackendOptions())
    {
    }

    /// <summary>Creates an empty backend.</summary>
    public InMemoryOrchestrationBackend(InMemoryBackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        dueTimer = options.TimeProvider.CreateTimer(_ => OnDueTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <inheritdoc/>
    public TimeProvider TimeProvider => options.TimeProvider;

    /// <summary>Running totals, for benchmarks.</summary>
    public InMemoryBackendStatistics Statistics { get; } = new();

    /// <summary>Messages moved aside after too many failed deliveries, oldest first.</summary>
    public IReadOnlyList<PoisonMessage> PoisonMessages
    {
        get
        {
            lock (gate)
            {
                return [.. poisonMessages];
            }
        }
    }

    private IFaultInjector Faults => options.FaultInjector;

    private DateTime UtcNow => options.TimeProvider.GetUtcNow().UtcDateTime;

    /// <inheritdoc/>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            instances.Clear();
            readyInstances.Clear();
            readyActivities.Clear();
            poisonMessages.Clear();
            schedule.Clear();
            ArmDueTimer();
        }

        return Task.CompletedTask;
    }

    /// <summary>Lets Lock* calls hand out work again after <see cref="StopAsync"/>. Timers run regardless.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            stopped = false;
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes pending and later Lock* calls return null until <see cref="StartAsync"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            stopped = true;
            orchestrationArrived.Pulse();
            activityArrived.Pulse();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (gate)
        {
            disposed = true;
        }

        await dueTimer.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Takes work with <paramref name="tryLock"/> (under the lock), or waits until <paramref name="arrived"/>
    /// is pulsed and tries again. Null when cancelled or stopped.
    /// </summary>
    private async Task<T?> WaitForWorkAsync<T>(Func<T?> tryLock, WakeSignal arrived, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            Task arrival;
            lock (gate)
            {
                if (stopped || cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                if (tryLock() is { } work)
                {
                    return work;
                }

                arrival = arrived.Waiter();
            }

            try
            {
                await arrival.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    private void Poison(TaskMessage message, string error)
    {
        poisonMessages.Add(new PoisonMessage(message, error, UtcNow));
        Statistics.MessagePoisoned();
    }
}
