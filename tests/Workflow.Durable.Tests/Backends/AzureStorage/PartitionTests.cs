using Xunit;
using static Workflow.Durable.Tests.Backends.AzureStorage.BackendTestKit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

public sealed class PartitionTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_TwoHosts_SplitPartitionsAndStoppedHostsAreTakenOver()
    {
        var hub = NewHubName();
        await using var a = await StartBackendAsync(azurite.ConnectionString, hub, o =>
        {
            ShortVisibility(o);
            o.WorkerId = "host-a";
        });
        Assert.Equal(4, a.OwnedPartitions.Count);
        await using var b = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "host-b");

        await WaitUntilAsync(() => a.OwnedPartitions.Count == 2 && b.OwnedPartitions.Count == 2, Wait);
        Assert.Empty(a.OwnedPartitions.Intersect(b.OwnedPartitions));

        await a.StopAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => b.OwnedPartitions.Count == 4, Wait);
    }

    [Fact]
    public async Task Host_Killed_LeasesExpireAndMessagesReachNewOwner()
    {
        var hub = NewHubName();
        var a = await StartBackendAsync(azurite.ConnectionString, hub, o =>
        {
            ShortVisibility(o);
            o.WorkerId = "host-a";
        });
        await a.CreateInstanceAsync(StartMessage("k1"), TestContext.Current.CancellationToken);
        var item = await LockAsync(a, Wait);
        Assert.NotNull(item);
        await a.SimulateProcessKillAsync();

        await using var b = await StartBackendAsync(azurite.ConnectionString, hub, o => o.WorkerId = "host-b");
        await WaitUntilAsync(() => b.OwnedPartitions.Count == 4, Wait);
        var again = await LockAsync(b, Wait);
        Assert.NotNull(again);
        Assert.Equal("k1", again.InstanceId);
        await b.CompleteOrchestrationWorkItemAsync(again, FirstTurn(again, DateTime.UtcNow), TestContext.Current.CancellationToken);
        Assert.Equal(4, (await b.GetHistoryAsync("k1", TestContext.Current.CancellationToken)).Count);
    }
}
