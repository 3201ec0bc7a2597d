using Workflow.Testing;

namespace Workflow.Bench.Backends;

/// <summary>
/// The storage account the Azure backend runs on: the connection string from <c>--storage</c>, else
/// <c>WORKFLOW_BENCH_STORAGE</c>, else <c>WORKFLOW_TEST_STORAGE</c>, else a private Azurite started
/// from the repository's node_modules (stopped on dispose).
/// </summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    public const string Variable = "WORKFLOW_BENCH_STORAGE";

    private readonly Azurite? _azurite;

    private BenchStorage(string connectionString, string source, Azurite? azurite)
    {
        ConnectionString = connectionString;
        Source = source;
        _azurite = azurite;
    }

    public string ConnectionString { get; }

    /// <summary>Where the connection string came from, for the report (never the string itself).</summary>
    public string Source { get; }

    public static async Task<BenchStorage> OpenAsync(string? fromCommandLine, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(fromCommandLine))
        {
            return new BenchStorage(fromCommandLine, "--storage", null);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } bench)
        {
            return new BenchStorage(bench, Variable, null);
        }

        var fromTests = Environment.GetEnvironmentVariable(Azurite.ConnectionStringVariable);
        var azurite = await Azurite.StartAsync(cancellationToken);
        return new BenchStorage(
            azurite.ConnectionString,
            string.IsNullOrWhiteSpace(fromTests) ? "a private Azurite on loopback (node_modules)" : Azurite.ConnectionStringVariable,
            azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
