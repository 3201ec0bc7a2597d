using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Workflow.Durable.Backend;

namespace Workflow.Durable.TestHost;

/// <summary>One orchestration turn as a host saw it: locked at <see cref="Start"/>, finished at <see cref="End"/>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Host">The worker id of the host that ran the turn.</param>
/// <param name="Start">When the host got the work item (UTC ticks).</param>
/// <param name="End">When its commit or abandon returned (UTC ticks).</param>
/// <param name="Outcome"><c>committed</c>, <c>lost</c> (another writer moved the history) or <c>failed</c>.</param>
/// <param name="Status">The instance's status after the turn.</param>
/// <param name="NewEvents">How many events the turn added to the history.</param>
public sealed record TurnRecord(string InstanceId, string Host, long Start, long End, string Outcome, string Status, int NewEvents)
{
    /// <summary>Whether this turn committed the instance's completion.</summary>
    public bool CommittedCompletion => Outcome == "committed" && Status == nameof(OrchestrationRuntimeStatus.Completed) && NewEvents > 0;
}

/// <summary>
/// The evidence a multi-host test checks: every orchestration turn every host ran, written to the task
/// hub's <c>{hub}Turns</c> table (partition = instance) as the turn ends. Processes that are killed
/// write nothing for the turn they were in, which is what a killed host would leave behind.
/// </summary>
public sealed class TurnJournal
{
    private readonly TableClient _table;

    /// <summary>A journal in <paramref name="taskHub"/>'s storage.</summary>
    public TurnJournal(string connectionString, string taskHub) =>
        _table = new TableClient(connectionString, taskHub + "Turns");

    /// <summary>Creates the table.</summary>
    public Task CreateAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Appends one turn.</summary>
    public async Task AddAsync(TurnRecord turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var row = new TableEntity(turn.InstanceId, turn.Host + "-" + turn.Start.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8])
        {
            ["Host"] = turn.Host,
            ["Start"] = turn.Start,
            ["End"] = turn.End,
            ["Outcome"] = turn.Outcome,
            ["Status"] = turn.Status,
            ["NewEvents"] = turn.NewEvents,
        };
        await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every turn recorded so far.</summary>
    public async Task<List<TurnRecord>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        var turns = new List<TurnRecord>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            turns.Add(new TurnRecord(
                row.PartitionKey,
                row.GetString("Host") ?? string.Empty,
                row.GetInt64("Start") ?? 0,
                row.GetInt64("End") ?? 0,
                row.GetString("Outcome") ?? string.Empty,
                row.GetString("Status") ?? string.Empty,
                row.GetInt32("NewEvents") ?? 0));
        }

        return turns;
    }

    /// <summary>
    /// Pairs of turns of one instance on two hosts whose intervals overlap: the instance was being processed
    /// by two hosts at once. Empty when every instance was processed by one host at a time. Two turns of one
    /// host are not compared: the backend releases an instance inside its commit call, and the journal takes
    /// a turn's end only after that call returns, so the host's next turn of the instance may have started
    /// already; within a host, the backend's in-process lock keeps turns apart.
    /// </summary>
    public static List<(TurnRecord First, TurnRecord Second)> Overlaps(IEnumerable<TurnRecord> turns)
    {
        var overlaps = new List<(TurnRecord, TurnRecord)>();
        foreach (var instance in turns.GroupBy(t => t.InstanceId, StringComparer.Ordinal))
        {
            TurnRecord? latest = null;
            foreach (var turn in instance.OrderBy(t => t.Start))
            {
                if (latest is not null && turn.Start < latest.End && !string.Equals(turn.Host, latest.Host, StringComparison.Ordinal))
                {
                    overlaps.Add((latest, turn));
                }

                if (latest is null || turn.End > latest.End)
                {
                    latest = turn;
                }
            }
        }

        return overlaps;
    }
}

/// <summary>A backend that writes every orchestration turn to a <see cref="TurnJournal"/>; everything else passes through.</summary>
public sealed class JournaledBackend(IOrchestrationBackend inner, TurnJournal journal, string host) : IOrchestrationBackend
{
    private readonly Dictionary<OrchestrationWorkItem, long> _started = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _gate = new();
    private volatile bool _dead;

    /// <summary>The backend being recorded.</summary>
    public IOrchestrationBackend Inner { get; } = inner;

    /// <inheritdoc/>
    public TimeProvider TimeProvider => Inner.TimeProvider;

    /// <summary>From now on nothing is recorded and every worker call fails, as in a process that was killed.</summary>
    public void Kill() => _dead = true;

    /// <inheritdoc/>
    public async Task<OrchestrationWorkItem?> LockNextOrchestrationWorkItemAsync(CancellationToken cancellationToken)
    {
        ThrowIfDead();
        var item = await Inner.LockNextOrchestrationWorkItemAsync(cancellationToken).ConfigureAwait(false);
        if (item is not null)
        {
            lock (_gate)
            {
                _started[item] = DateTime.UtcNow.Ticks;
            }
        }

        return item;
    }

    /// <inheritdoc/>
    public async Task CompleteOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, OrchestrationCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ThrowIfDead();
        var outcome = "failed";
        try
        {
            await Inner.CompleteOrchestrationWorkItemAsync(workItem, commit, cancellationToken).ConfigureAwait(false);
            outcome = "committed";
        }
        catch (InstanceLockLostException)
        {
            outcome = "lost";
            throw;
        }
        finally
        {
            await RecordAsync(workItem, outcome, commit.State.RuntimeStatus.ToString(), commit.NewEvents.Count).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task AbandonOrchestrationWorkItemAsync(OrchestrationWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default)
    {
        ThrowIfDead();
        try
        {
            await Inner.AbandonOrchestrationWorkItemAsync(workItem, failure, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await RecordAsync(workItem, "failed", workItem.State?.RuntimeStatus.ToString() ?? string.Empty, 0).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken)
    {
        ThrowIfDead();
        return Inner.LockNextActivityWorkItemAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken = default)
    {
        ThrowIfDead();
        return Inner.CompleteActivityWorkItemAsync(workItem, result, cancellationToken);
    }

    /// <inheritdoc/>
    public Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, Exception? failure, CancellationToken cancellationToken = default)
    {
        ThrowIfDead();
        return Inner.AbandonActivityWorkItemAsync(workItem, failure, cancellationToken);
    }

    /// <inheritdoc/>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => Inner.CreateIfNotExistsAsync(cancellationToken);

    /// <inheritdoc/>
    public Task DeleteAsync(CancellationToken cancellationToken = default) => Inner.DeleteAsync(cancellationToken);

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken = default) => Inner.StartAsync(cancellationToken);

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken = default) => _dead ? Task.CompletedTask : Inner.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public Task CreateInstanceAsync(TaskMessage startMessage, CancellationToken cancellationToken = default) => Inner.CreateInstanceAsync(startMessage, cancellationToken);

    /// <inheritdoc/>
    public Task SendMessageAsync(TaskMessage message, CancellationToken cancellationToken = default) => Inner.SendMessageAsync(message, cancellationToken);

    /// <inheritdoc/>
    public Task<OrchestrationState?> GetInstanceAsync(string instanceId, bool fetchPayloads, CancellationToken cancellationToken = default) =>
        Inner.GetInstanceAsync(instanceId, fetchPayloads, cancellationToken);

    /// <inheritdoc/>
    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken = default) => Inner.QueryInstancesAsync(query, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<History.HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Inner.GetHistoryAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => Inner.PurgeInstanceAsync(instanceId, cancellationToken);

    /// <inheritdoc/>
    public Task<PurgeResult> PurgeInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default) =>
        Inner.PurgeInstancesAsync(filter, cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _dead ? ValueTask.CompletedTask : Inner.DisposeAsync();

    private void ThrowIfDead()
    {
        if (_dead)
        {
            throw new SimulatedCrashException(FaultPoint.OrchestrationLocked, host);
        }
    }

    private async Task RecordAsync(OrchestrationWorkItem workItem, string outcome, string status, int newEvents)
    {
        long start;
        lock (_gate)
        {
            if (!_started.Remove(workItem, out start))
            {
                return;
            }
        }

        var end = DateTime.UtcNow.Ticks;
        if (_dead)
        {
            return;
        }

        var turn = new TurnRecord(workItem.InstanceId, host, start, end, outcome, status, newEvents);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await journal.AddAsync(turn).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException) when (attempt < 5)
            {
                // The journal is evidence, not part of the turn: retry rather than fail a committed turn.
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt)).ConfigureAwait(false);
            }
        }
    }
}
