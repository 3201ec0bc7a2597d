using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.Backends.InMemory;

namespace Workflow.Bench.Backends;

/// <summary>
/// A backend for one repetition (a fresh task hub, or the shared used hub), with its statistics if it
/// keeps any. The measured window's counts are taken by <see cref="MarkStart"/> and <see cref="MarkEnd"/>.
/// </summary>
internal sealed record BenchBackend(MeasuringBackend Backend, IBackendStatistics? Statistics)
{
    public const string InMemory = "inmemory";
    public const string Azure = "azure";

    private IReadOnlyList<KeyValuePair<string, long>>? _start;
    private IReadOnlyList<KeyValuePair<string, long>>? _end;

    /// <summary>Removes the task hub after the repetition (null when it is kept or lives in memory).</summary>
    public Func<CancellationToken, Task>? Cleanup { get; init; }

    /// <summary>The task hub's name, when the backend has one.</summary>
    public string? TaskHub { get; init; }

    /// <summary>Whether <paramref name="name"/> names a backend this build can run; otherwise why not.</summary>
    public static bool IsSupported(string name, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, InMemory, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Azure, StringComparison.OrdinalIgnoreCase))
        {
            reason = null;
            return true;
        }

        reason = $"unknown backend '{name}' (expected inmemory or azure)";
        return false;
    }

    /// <summary>Creates a fresh, empty in-memory backend on real time.</summary>
    public static async Task<BenchBackend> CreateInMemoryAsync(CancellationToken cancellationToken)
    {
        var backend = new InMemoryOrchestrationBackend(new InMemoryBackendOptions { TimeProvider = TimeProvider.System });
        await backend.CreateIfNotExistsAsync(cancellationToken);
        return new BenchBackend(new MeasuringBackend(backend), new InMemoryStatisticsAdapter(backend.Statistics));
    }

    /// <summary>
    /// Creates an Azure Storage backend on task hub <paramref name="hub"/> with default settings (4 partitions).
    /// With <paramref name="deleteAfter"/> the hub is deleted when the repetition is done.
    /// </summary>
    public static async Task<BenchBackend> CreateAzureAsync(string connectionString, string hub, bool deleteAfter, CancellationToken cancellationToken)
    {
        var backend = new AzureStorageOrchestrationBackend(new AzureStorageBackendOptions { ConnectionString = connectionString, TaskHubName = hub });
        await backend.CreateIfNotExistsAsync(cancellationToken);
        return new BenchBackend(new MeasuringBackend(backend), new AzureStatisticsAdapter(backend.Statistics))
        {
            TaskHub = hub,
            Cleanup = deleteAfter ? backend.DeleteAsync : null,
        };
    }

    /// <summary>Takes the counts at the start of the measured window.</summary>
    public void MarkStart()
    {
        _start = Statistics?.Read();
        _end = null;
    }

    /// <summary>Takes the counts at the end of the measured window (only the first call counts).</summary>
    public void MarkEnd() => _end ??= Statistics?.Read();

    /// <summary>The counts made inside the measured window, or since creation when no window was marked.</summary>
    public IReadOnlyList<KeyValuePair<string, long>>? WindowCounts()
    {
        var end = _end ?? Statistics?.Read();
        if (end is null)
        {
            return null;
        }

        var start = (_start ?? []).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return [.. end.Select(kv => new KeyValuePair<string, long>(kv.Key, kv.Value - start.GetValueOrDefault(kv.Key)))];
    }
}
