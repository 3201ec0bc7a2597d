using Workflow.Durable.Backends.InMemory;

namespace Workflow.Bench.Backends;

/// <summary>A fresh backend (a new task hub) for one repetition, with its statistics if it keeps any.</summary>
internal sealed record BenchBackend(MeasuringBackend Backend, IBackendStatistics? Statistics)
{
    public const string InMemory = "inmemory";
    public const string Azure = "azure";

    /// <summary>Whether <paramref name="name"/> names a backend this build can run; otherwise why not.</summary>
    public static bool IsSupported(string name, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, InMemory, StringComparison.OrdinalIgnoreCase))
        {
            reason = null;
            return true;
        }

        reason = string.Equals(name, Azure, StringComparison.OrdinalIgnoreCase)
            ? "the Azure Storage backend is not part of this build yet; only '--backend inmemory' can be measured. " +
              "When it lands, add a case in Backends/BenchBackend.cs (a fresh task hub per repetition) and an IBackendStatistics adapter."
            : $"unknown backend '{name}' (expected inmemory or azure)";
        return false;
    }

    /// <summary>Creates a fresh, empty backend on real time.</summary>
    public static async Task<BenchBackend> CreateAsync(string name, CancellationToken cancellationToken)
    {
        if (!IsSupported(name, out var reason))
        {
            throw new NotSupportedException(reason);
        }

        var backend = new InMemoryOrchestrationBackend(new InMemoryBackendOptions { TimeProvider = TimeProvider.System });
        await backend.CreateIfNotExistsAsync(cancellationToken);
        return new BenchBackend(new MeasuringBackend(backend), new InMemoryStatisticsAdapter(backend.Statistics));
    }
}
