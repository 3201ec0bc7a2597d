using Workflow.Durable.Backends.InMemory;

namespace Workflow.Bench.Backends;

/// <summary>Reads <see cref="InMemoryBackendStatistics"/>.</summary>
internal sealed class InMemoryStatisticsAdapter(InMemoryBackendStatistics statistics) : IBackendStatistics
{
    public IReadOnlyList<KeyValuePair<string, long>> Read() =>
    [
        new("orchestration work items", statistics.OrchestrationWorkItems),
        new("commits", statistics.Commits),
        new("activity work items", statistics.ActivityWorkItems),
        new("messages sent", statistics.MessagesSent),
        new("timers fired", statistics.TimersFired),
        new("locks expired", statistics.LocksExpired),
        new("messages poisoned", statistics.MessagesPoisoned),
    ];
}
