using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workflow.Testing;

/// <summary>
/// An Azure Storage emulator for tests. When <c>WORKFLOW_TEST_STORAGE</c> holds a connection string
/// (the <c>./test</c> script starts one Azurite for the whole run and sets it) that one is used;
/// otherwise a private Azurite is started from the repository's <c>node_modules</c> on free loopback
/// ports with its data in a temporary folder, and stopped on dispose.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>The environment variable that names an already running emulator.</summary>
    public const string ConnectionStringVariable = "WORKFLOW_TEST_STORAGE";

    /// <summary>The emulator's well-known development account key (public, not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;
    private readonly string? _dataDirectory;

    private Azurite(string connectionString, Process? process, string? dataDirectory)
    {
        ConnectionString = connectionString;
        _process = process;
        _dataDirectory = dataDirectory;
    }

    /// <summary>A connection string for the emulator's blob, queue and table endpoints.</summary>
    public string ConnectionString { get; }

    /// <summary>Builds the connection string for an emulator on the given loopback ports.</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    /// <summary>Uses the emulator named by <see cref="ConnectionStringVariable"/>, or starts a private one.</summary>
    public static async Task<Azurite> StartAsync(CancellationToken cancellationToken = default)
    {
        var existing = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new Azurite(existing, null, null);
        }

        return await StartPrivateAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a private emulator on free loopback ports; with <paramref name="debugLog"/> it writes Azurite's debug log
    /// there (one <c>StorageContextMiddleware</c> line per request, which the benchmarks count).
    /// </summary>
    public static async Task<Azurite> StartPrivateAsync(string? debugLog, CancellationToken cancellationToken = default)
    {
        var root = FindRepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed. Run ./test (or 'npm ci' at the repository root), or set {ConnectionStringVariable}.");
        }

        var ports = FreePorts(3);
        var data = Path.Combine(Path.GetTempPath(), "workflow-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--location", data,
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (debugLog is not null)
        {
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(debugLog);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(ConnectionStringFor(ports[0], ports[1], ports[2]), process, data);
        try
        {
            foreach (var port in ports)
            {
                await WaitForPortAsync(port, process, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return azurite;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }

            _process.Dispose();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The emulator may still be closing its files; the folder is in the temp directory.
            }
        }
    }

    /// <summary>Finds the repository root (the folder holding <c>Workflow.sln</c>) above the test binaries.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find Workflow.sln above " + AppContext.BaseDirectory);
    }

    /// <summary>Reserves <paramref name="count"/> distinct free loopback ports.</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    private static async Task WaitForPortAsync(int port, Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port}.");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
