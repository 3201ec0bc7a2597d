using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
namespace Workflow.Testing;

/// <summary>
/// The built complaints host (<c>dotnet Workflow.Complaints.dll</c>) as a child process on a free loopback port,
/// configured through environment variables as Azure would set app settings. <see cref="Kill"/> ends it as a crash
/// does. Used by the host-crash test and the complaints benchmarks.
/// </summary>
public sealed class ComplaintsHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ComplaintsHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The host's base address.</summary>
    public Uri Address { get; }

    /// <summary>The process id (for memory readings).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every line the process wrote to standard output and error.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the host with <paramref name="settings"/> (configuration keys; <c>:</c> becomes <c>__</c>) and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ComplaintsHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var app = AppAssembly();
        var port = Azurite.FreePorts(1)[0];
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(app)!,
        };
        start.ArgumentList.Add(app);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new ComplaintsHostProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(ct);
        }
        catch (Exception)
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>A client for the host, signed in with HTTP Basic when <paramref name="user"/> is given.</summary>
    public HttpClient Client(string? user = null, string? password = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        return client;
    }

    /// <summary>Ends the process at once, as a crash or an out-of-memory kill would: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(30_000);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"The host did not become healthy:\n{string.Join('\n', _output)}");
    }

    // The app's own build output (same configuration and framework as the calling assembly), which has its
    // appsettings and host.json beside it.
    private static string AppAssembly()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var path = Path.Combine(Azurite.FindRepositoryRoot(), "functions", "Workflow.Complaints", "bin", configuration.Name, framework.Name, "Workflow.Complaints.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the host's assembly is missing.", path);
    }
}
