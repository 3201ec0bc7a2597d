using Workflow.Durable.History;
using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendActivityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompleteActivityWorkItem_Result_DeliveredToInstanceAndRequestRemoved()
    {
        await using var harness = new BackendHarness();
        await harness.StartWithActivitiesAsync("case-1", 1);

        var activity = await harness.LockActivityAsync();
        await harness.Backend.CompleteActivityWorkItemAsync(activity, BackendHarness.ActivityResult("case-1", 1), Ct);

        Assert.Equal("SendSms", activity.Scheduled.Name);
        var next = await harness.LockAsync();
        Assert.Equal(1, Assert.IsType<TaskCompletedEvent>(Assert.Single(next.NewMessages).Event).TaskScheduledId);
        harness.Time.Advance(BackendHarness.ActivityLockTimeout);
        Assert.Null(await harness.TryLockActivityAsync());
    }

    [Fact]
    public async Task LockNextActivityWorkItem_LockedRequest_InvisibleToOtherWorkers()
    {
        await using var harness = new BackendHarness();
        await harness.StartWithActivitiesAsync("case-1", 1, 2);

        var first = await harness.LockActivityAsync();
        var second = await harness.LockActivityAsync();

        Assert.Equal([1, 2], new[] { first.Scheduled.EventId, second.Scheduled.EventId });
        Assert.Null(await harness.TryLockActivityAsync());
    }

    [Fact]
    public async Task AbandonActivityWorkItem_WithoutFailure_RequestAvailableAgain()
    {
        await using var harness = new BackendHarness();
        await harness.StartWithActivitiesAsync("case-1", 1);

        await harness.Backend.AbandonActivityWorkItemAsync(await harness.LockActivityAsync(), failure: null, Ct);
        var again = await harness.LockActivityAsync();

        Assert.Equal(0, again.Message.DequeueCount);
    }
}
