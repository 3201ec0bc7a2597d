using Workflow.Durable.Backend;
using Workflow.Durable.Client;
using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Contract;

public abstract partial class OrchestrationContractTests
{
    private static void WaitingTasks(Worker.DurableTaskRegistry r) => r
        .AddOrchestratorFunc<string, string>("Waiter", async (ctx, input) => input + ":" + await ctx.WaitForExternalEvent<string>("Go"));

    [Fact]
    public async Task TerminateInstanceAsync_RunningInstance_EndsTerminatedWithTheReason()
    {
        await using var host = await StartAsync(WaitingTasks);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await host.Client.WaitForInstanceStartAsync(id, false, Timeout());

        await host.Client.TerminateInstanceAsync(id, "operator said so");
        var done = await CompletionAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("operator said so", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendAndResume_EventsWhileSuspendedAreHeldThenApplied()
    {
        await using var host = await StartAsync(WaitingTasks);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x");
        await WaitForHistoryAsync(host, id, h => h.OfType<OrchestratorCompletedEvent>().Any());

        await host.Client.SuspendInstanceAsync(id, "checking");
        await host.Client.RaiseEventAsync(id, "Go", "later");
        await WaitForHistoryAsync(host, id, h => h.OfType<EventRaisedEvent>().Any());
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.ResumeInstanceAsync(id);
        var done = await CompletionAsync(host, id);

        Assert.Equal("x:later", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_IdOfARunningInstance_Throws()
    {
        await using var host = await StartAsync(WaitingTasks);
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "x", new StartOrchestrationOptions { InstanceId = "same" });

        await Assert.ThrowsAsync<InstanceAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "y", new StartOrchestrationOptions { InstanceId = "same" }));
    }

    [Fact]
    public async Task RestartAsync_EndedInstance_RunsAgainWithTheOriginalInput()
    {
        await using var host = await StartAsync(WaitingTasks);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "first");
        await host.Client.RaiseEventAsync(id, "Go", "one");
        await CompletionAsync(host, id);

        Assert.Equal(id, await host.Client.RestartAsync(id));
        await host.Client.RaiseEventAsync(id, "Go", "two");
        await WaitForHistoryAsync(host, id, h => h.OfType<ExecutionCompletedEvent>().Any(e => e.Result?.Contains("two", StringComparison.Ordinal) == true));
        var done = await CompletionAsync(host, id);

        Assert.Equal("first:two", done.ReadOutputAs<string>());
        Assert.Single((await host.Client.GetHistoryAsync(id)).OfType<ExecutionStartedEvent>());
    }

    [Fact]
    public async Task QueryAndPurge_FilterByStatusPageAndRemoveEndedInstances()
    {
        await using var host = await StartAsync(WaitingTasks);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter", "q", new StartOrchestrationOptions { InstanceId = $"q-{i}" }));
        }

        for (var i = 0; i < 4; i++)
        {
            await host.Client.RaiseEventAsync(ids[i], "Go", "done");
            await CompletionAsync(host, ids[i]);
        }

        var completed = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await host.Client.QueryInstancesAsync(new OrchestrationQuery
            {
                Statuses = [OrchestrationRuntimeStatus.Completed],
                InstanceIdPrefix = "q-",
                PageSize = 3,
                ContinuationToken = token,
            });
            completed.AddRange(page.Instances.Select(i => i.InstanceId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(ids.Take(4).Order(), completed.Order());
        Assert.True(pages >= 2);

        var purged = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(Statuses: [OrchestrationRuntimeStatus.Completed]));
        Assert.Equal(4, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(ids[0]));
        Assert.Empty(await host.Client.GetHistoryAsync(ids[0]));
        Assert.NotNull(await host.Client.GetInstanceAsync(ids[5]));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(ids[5])).PurgedInstanceCount);
    }
}
