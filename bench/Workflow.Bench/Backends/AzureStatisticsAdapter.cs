using Workflow.Durable.Backends.AzureStorage;

namespace Workflow.Bench.Backends;

/// <summary>
/// Reads <see cref="StorageStatistics"/>: the HTTP requests counted in the storage clients' pipeline
/// (by service and method), and the turns committed.
/// </summary>
internal sealed class AzureStatisticsAdapter(StorageStatistics statistics) : IBackendStatistics
{
    public const string Requests = "storage requests";
    public const string Turns = "turns committed";

    public IReadOnlyList<KeyValuePair<string, long>> Read()
    {
        var counts = new List<KeyValuePair<string, long>>
        {
            new(Requests, statistics.RequestTotal),
            new(Turns, statistics.TurnsCommitted),
        };
        counts.AddRange(statistics.Requests.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        return counts;
    }
}
