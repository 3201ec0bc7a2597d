using System.Globalization;

namespace Workflow.Bench.Backends;

/// <summary>
/// Makes the backend of each repetition: in memory, or on Azure Storage with a fresh task hub per
/// repetition (deleted afterwards), or, in used-hub mode, always the same task hub, which keeps every
/// earlier repetition's instances and history.
/// </summary>
internal sealed class BenchBackendSource
{
    private readonly string _name;
    private readonly BenchStorage? _storage;
    private readonly string? _usedHub;
    private int _hubs;

    private BenchBackendSource(string name, BenchStorage? storage, string? usedHub)
    {
        _name = name;
        _storage = storage;
        _usedHub = usedHub;
    }

    /// <summary>A line for the report: what the repetitions run on.</summary>
    public string Description => _storage is null
        ? "in-memory backend, a fresh one per repetition"
        : $"Azure Storage backend on {_storage.Source}, 4 partitions, " +
          (_usedHub is null ? "a fresh task hub per repetition" : $"every repetition on one used task hub ({_usedHub})");

    public static BenchBackendSource InMemory() => new(BenchBackend.InMemory, null, null);

    public static BenchBackendSource Azure(BenchStorage storage, bool usedHub)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new(BenchBackend.Azure, storage, usedHub ? NewHubName("used") : null);
    }

    public Task<BenchBackend> CreateAsync(CancellationToken cancellationToken)
    {
        if (_storage is null)
        {
            return BenchBackend.CreateInMemoryAsync(cancellationToken);
        }

        var hub = _usedHub ?? NewHubName("rep" + Interlocked.Increment(ref _hubs).ToString(CultureInfo.InvariantCulture));
        return BenchBackend.CreateAzureAsync(_storage.ConnectionString, hub, deleteAfter: _usedHub is null, cancellationToken);
    }

    /// <summary>Deletes the used hub at the end of the run (nothing for fresh hubs, which each repetition deletes).</summary>
    public async Task DeleteUsedHubAsync(CancellationToken cancellationToken)
    {
        if (_storage is null || _usedHub is null)
        {
            return;
        }

        var backend = await BenchBackend.CreateAzureAsync(_storage.ConnectionString, _usedHub, deleteAfter: true, cancellationToken);
        await backend.Cleanup!(cancellationToken);
        await backend.Backend.DisposeAsync();
    }

    public override string ToString() => _name;

    private static string NewHubName(string tag) => "bench" + tag + Guid.NewGuid().ToString("N")[..8];
}
