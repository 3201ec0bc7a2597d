using System.Diagnostics;
using Workflow.Durable.TestHost;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.MultiHostEvidence;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>
/// A worker process (<c>Workflow.Durable.TestHost</c>) killed by the operating system in the middle of
/// its work, and a new process started on the same task hub.
/// </summary>
[Collection(HeavyAzureTests.Name)]
public sealed class ProcessKillTests(AzuriteFixture azurite)
{
    private const int Steps = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task HostProcess_KilledAmid100Instances_NewProcessCompletesEveryInstanceExactlyOnce()
    {
        const int instances = 100;
        var hub = BackendTestKit.NewHubName();
        var journal = new TurnJournal(azurite.ConnectionString, hub);
        await journal.CreateAsync(TestContext.Current.CancellationToken);
        await using var client = await ClientAsync(azurite.ConnectionString, hub);
        var ids = Enumerable.Range(0, instances).Select(i => $"pk-{i:D3}").ToList();

        using var first = await HostProcess.StartAsync(azurite.ConnectionString, hub, "process-1");
        await CreateAsync(client, ids, Steps);
        await WaitForCompletedAsync(client, instances / 4, Patience);
        first.Kill();
        var killedAt = DateTime.UtcNow.Ticks;
        var completedAtKill = await CountCompletedAsync(client);
        Assert.True(completedAtKill < instances, "every instance completed before the kill; the test proves nothing");

        using var second = await HostProcess.StartAsync(azurite.ConnectionString, hub, "process-2");
        await WaitForCompletedAsync(client, instances, Patience);
        await second.StopAsync();

        await AssertEachCompletedOnceAsync(client, ids, Steps);
        var turns = await journal.ReadAllAsync(TestContext.Current.CancellationToken);
        AssertOneHostAtATime(turns);
        // The killed process had instances in flight, and the new one finished them.
        var interrupted = turns.Where(t => t.Host == "process-1").Select(t => t.InstanceId)
            .Intersect(turns.Where(t => t.Host == "process-2" && t.Start > killedAt && t.CommittedCompletion).Select(t => t.InstanceId))
            .ToList();
        Assert.NotEmpty(interrupted);
        await client.DeleteAsync();
    }

    /// <summary>A running test host process; its output is drained so it never blocks on a full pipe.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process _process;

        private HostProcess(Process process) => _process = process;

        public static async Task<HostProcess> StartAsync(string connectionString, string hub, string workerId)
        {
            var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Workflow.Durable.TestHost.exe" : "Workflow.Durable.TestHost");
            var start = new ProcessStartInfo(executable)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { hub, workerId },
                Environment = { [TestHostSettings.StorageVariable] = connectionString },
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("The test host did not start.");
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var errors = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == "ready")
                {
                    ready.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(90))) != ready.Task)
            {
                process.Kill(entireProcessTree: true);
                lock (errors)
                {
                    throw new InvalidOperationException($"The test host {workerId} did not become ready: {errors}");
                }
            }

            return new HostProcess(process);
        }

        /// <summary>Ends the process at once, as the operating system does: no stop, no release, no flush.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        /// <summary>Asks the process to stop (end of its input) and waits for it.</summary>
        public async Task StopAsync()
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
