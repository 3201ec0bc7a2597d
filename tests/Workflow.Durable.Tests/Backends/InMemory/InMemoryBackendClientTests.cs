using Workflow.Durable.Backend;
using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateInstance_RunningInstanceExists_ThrowsInstanceAlreadyExists()
    {
        await using var harness = new BackendHarness();
        await harness.StartRunningAsync("case-1");

        await Assert.ThrowsAsync<InstanceAlreadyExistsException>(
            () => harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1", "exec-2"), Ct));
    }

    [Fact]
    public async Task CreateInstance_TerminalInstanceExists_ReplacesItWithPendingState()
    {
        await using var harness = new BackendHarness();
        await CompleteAsync(harness, "case-1");

        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1", "exec-2"), Ct);

        var state = await harness.Backend.GetInstanceAsync("case-1", fetchPayloads: true, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, state?.RuntimeStatus);
        Assert.Equal("exec-2", state?.ExecutionId);
        Assert.Empty(await harness.Backend.GetHistoryAsync("case-1", Ct));
    }

    [Fact]
    public async Task GetInstance_WithoutPayloads_OmitsInputAndOutput()
    {
        await using var harness = new BackendHarness();
        await CompleteAsync(harness, "case-1");

        var withPayloads = await harness.Backend.GetInstanceAsync("case-1", fetchPayloads: true, Ct);
        var withoutPayloads = await harness.Backend.GetInstanceAsync("case-1", fetchPayloads: false, Ct);

        Assert.Equal("\"input\"", withPayloads?.Input);
        Assert.Equal("\"done\"", withPayloads?.Output);
        Assert.Null(withoutPayloads?.Input);
        Assert.Null(withoutPayloads?.Output);
        Assert.Null(await harness.Backend.GetInstanceAsync("missing", fetchPayloads: true, Ct));
    }

    [Fact]
    public async Task QueryInstances_PageSize_PagesInInstanceIdOrderWithContinuationToken()
    {
        await using var harness = new BackendHarness();
        for (int i = 24; i >= 0; i--)
        {
            await harness.Backend.CreateInstanceAsync(BackendHarness.Start($"case-{i:D2}"), Ct);
        }

        var ids = new List<string>();
        var tokens = new List<string?>();
        string? token = null;
        do
        {
            var page = await harness.Backend.QueryInstancesAsync(new InstanceQuery { PageSize = 10, ContinuationToken = token }, Ct);
            ids.AddRange(page.Instances.Select(s => s.InstanceId));
            tokens.Add(page.ContinuationToken);
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"case-{i:D2}"), ids);
        Assert.Equal(["case-09", "case-19", null], tokens);
    }

    [Fact]
    public async Task QueryInstances_StatusAndPrefixFilter_ReturnsOnlyMatches()
    {
        await using var harness = new BackendHarness();
        await CompleteAsync(harness, "case-1");
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-2"), Ct);
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("other-1"), Ct);

        var page = await harness.Backend.QueryInstancesAsync(
            new InstanceQuery { Statuses = [OrchestrationRuntimeStatus.Pending], InstanceIdPrefix = "case-" },
            Ct);

        Assert.Equal("case-2", Assert.Single(page.Instances).InstanceId);
        Assert.Null(page.ContinuationToken);
        Assert.Null(page.Instances[0].Input);
    }

    [Fact]
    public async Task PurgeInstance_TerminalInstance_RemovesStateHistoryAndMessages()
    {
        await using var harness = new BackendHarness();
        await CompleteAsync(harness, "case-1");
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Late"), Ct);

        var result = await harness.Backend.PurgeInstanceAsync("case-1", Ct);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await harness.Backend.GetInstanceAsync("case-1", fetchPayloads: true, Ct));
        Assert.Empty(await harness.Backend.GetHistoryAsync("case-1", Ct));
        Assert.Null(await harness.TryLockAsync());
    }

    [Fact]
    public async Task PurgeInstance_RunningInstance_LeavesItAlone()
    {
        await using var harness = new BackendHarness();
        await harness.StartRunningAsync("case-1", timers: [BackendHarness.Timer("case-1", 1, harness.Now.AddHours(1))]);

        var result = await harness.Backend.PurgeInstanceAsync("case-1", Ct);

        Assert.Equal(0, result.PurgedInstanceCount);
        harness.Time.Advance(TimeSpan.FromHours(1));
        Assert.Single((await harness.LockAsync()).NewMessages);
    }

    [Fact]
    public async Task PurgeInstances_Filter_RemovesOnlyMatchingTerminalInstances()
    {
        await using var harness = new BackendHarness();
        await CompleteAsync(harness, "old");
        harness.Time.Advance(TimeSpan.FromDays(10));
        var cutoff = harness.Now;
        await CompleteAsync(harness, "new");
        await harness.StartRunningAsync("running");

        var result = await harness.Backend.PurgeInstancesAsync(new PurgeInstancesFilter(CreatedTo: cutoff), Ct);
        var all = await harness.Backend.PurgeInstancesAsync(new PurgeInstancesFilter(), Ct);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Equal(1, all.PurgedInstanceCount);
        Assert.NotNull(await harness.Backend.GetInstanceAsync("running", fetchPayloads: false, Ct));
    }

    [Fact]
    public async Task DeleteAsync_Everything_Cleared()
    {
        await using var harness = new BackendHarness();
        await harness.StartRunningAsync("case-1", timers: [BackendHarness.Timer("case-1", 1, harness.Now.AddHours(1))]);
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-2"), Ct);

        await harness.Backend.DeleteAsync(Ct);

        harness.Time.Advance(TimeSpan.FromHours(2));
        Assert.Null(await harness.TryLockAsync());
        Assert.Empty((await harness.Backend.QueryInstancesAsync(new InstanceQuery(), Ct)).Instances);
    }

    private static async Task CompleteAsync(BackendHarness harness, string instanceId)
    {
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start(instanceId), Ct);
        var workItem = await harness.LockAsync();
        await harness.Backend.CompleteOrchestrationWorkItemAsync(workItem, harness.Commit(workItem, OrchestrationRuntimeStatus.Completed), Ct);
    }
}
