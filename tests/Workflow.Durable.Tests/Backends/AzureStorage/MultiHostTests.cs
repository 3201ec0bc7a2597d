using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.TestHost;
using Workflow.Durable.Tests.Contract;
using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.MultiHostEvidence;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>
/// Several hosts on one task hub, each a real worker over its own backend. Every turn every host runs is
/// journaled in storage as it ends (host, instance, start, end), and the checks read that journal and the
/// histories: no instance had two turns in progress at once, and every instance completed exactly once.
/// </summary>
[Collection(HeavyAzureTests.Name)]
public sealed class MultiHostTests(AzuriteFixture azurite)
{
    // Enough steps that every host still has work in progress when it is stopped or killed.
    private const int Steps = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ThreeHosts_300Instances_OneHostAtATime_StoppedAndKilledHostsWorkMovesAndAJoiningHostTakesAShare()
    {
        const int instances = 300;
        var hub = BackendTestKit.NewHubName();
        var journal = new TurnJournal(azurite.ConnectionString, hub);
        await journal.CreateAsync(TestContext.Current.CancellationToken);
        await using var client = await ClientAsync(azurite.ConnectionString, hub);
        var hosts = new Dictionary<string, Host>();
        try
        {
            foreach (var name in new[] { "a", "b", "c" })
            {
                hosts[name] = await Host.StartAsync(azurite.ConnectionString, hub, name, journal);
            }

            // Six partitions over three hosts: two each, none shared.
            await BackendTestKit.WaitUntilAsync(() => hosts.Values.All(h => h.Backend.OwnedPartitions.Count == 2), TimeSpan.FromSeconds(60));
            Assert.Equal(6, hosts.Values.SelectMany(h => h.Backend.OwnedPartitions).Distinct().Count());

            var ids = Enumerable.Range(0, instances).Select(i => $"mh-{i:D3}").ToList();
            await CreateAsync(client, ids, Steps);

            // A host stopped: it drains and hands its partitions over.
            await WaitForCompletedAsync(client, instances / 5, Patience);
            var stoppedPartitions = hosts["a"].Backend.OwnedPartitions.ToList();
            await hosts["a"].DisposeAsync();
            var stoppedAt = DateTime.UtcNow.Ticks;
            hosts.Remove("a");

            // A host killed: nothing is released; its leases and held messages time out.
            await WaitForCompletedAsync(client, instances / 2, Patience);
            var killedPartitions = hosts["b"].Backend.OwnedPartitions.ToList();
            await hosts["b"].KillAsync();
            var killedAt = DateTime.UtcNow.Ticks;
            hosts.Remove("b");

            // A host joins: the survivor hands it a share.
            hosts["d"] = await Host.StartAsync(azurite.ConnectionString, hub, "d", journal);
            await BackendTestKit.WaitUntilAsync(
                () => hosts["d"].Backend.OwnedPartitions.Count == 3 && hosts["c"].Backend.OwnedPartitions.Count == 3,
                TimeSpan.FromSeconds(60));
            Assert.Equal(6, hosts["c"].Backend.OwnedPartitions.Concat(hosts["d"].Backend.OwnedPartitions).Distinct().Count());

            await WaitForCompletedAsync(client, instances, Patience);
            await AssertEachCompletedOnceAsync(client, ids, Steps);

            foreach (var host in hosts.Values)
            {
                await host.DisposeAsync();
            }

            hosts.Clear();
            var turns = await journal.ReadAllAsync(TestContext.Current.CancellationToken);
            AssertOneHostAtATime(turns);

            // Instances of the stopped and the killed host's partitions went on elsewhere after it left.
            Assert.Contains(turns, t => t.Host is "c" or "d" && t.Start > stoppedAt && stoppedPartitions.Contains(client.PartitionOf(t.InstanceId)));
            Assert.Contains(turns, t => t.Host is "c" or "d" && t.Start > killedAt && killedPartitions.Contains(client.PartitionOf(t.InstanceId)));
            Assert.Contains(turns, t => t.Host == "d" && t.Outcome == "committed");
            Assert.DoesNotContain(turns, t => t.Host == "a" && t.Start > stoppedAt);
        }
        finally
        {
            foreach (var host in hosts.Values)
            {
                await host.DisposeAsync();
            }

            await client.DeleteAsync();
        }
    }

    /// <summary>One in-process host: a worker over a journaled Azure Storage backend.</summary>
    private sealed class Host : IAsyncDisposable
    {
        private readonly DurableTestHost _worker;
        private readonly JournaledBackend _journaled;
        private bool _gone;

        private Host(AzureStorageOrchestrationBackend backend, JournaledBackend journaled, DurableTestHost worker)
        {
            Backend = backend;
            _journaled = journaled;
            _worker = worker;
        }

        public AzureStorageOrchestrationBackend Backend { get; }

        public static async Task<Host> StartAsync(string connectionString, string hub, string name, TurnJournal journal)
        {
            var backend = new AzureStorageOrchestrationBackend(TestHostSettings.BackendOptions(connectionString, hub, name));
            var journaled = new JournaledBackend(backend, journal, name);
            var worker = await DurableTestHost.StartAsync(journaled, r => StepsWorkflow.Register(r, TestHostSettings.ActivityTime));
            return new Host(backend, journaled, worker);
        }

        /// <summary>Stops the host as a killed process would: it records nothing more and releases nothing.</summary>
        public async Task KillAsync()
        {
            _journaled.Kill();
            await Backend.SimulateProcessKillAsync();
            await DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_gone)
            {
                return;
            }

            _gone = true;
            await _worker.DisposeAsync();
        }
    }
}
