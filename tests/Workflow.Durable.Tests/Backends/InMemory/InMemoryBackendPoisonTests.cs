using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendPoisonTests
{
    private const int MaxDeliveryCount = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AbandonOrchestrationWorkItem_FailsMaxDeliveryCountTimes_MessageMovedToPoisonWithError()
    {
        await using var harness = new BackendHarness(maxDeliveryCount: MaxDeliveryCount);
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);

        for (int attempt = 0; attempt < MaxDeliveryCount; attempt++)
        {
            var workItem = await harness.LockAsync();
            Assert.Equal(attempt, Assert.Single(workItem.NewMessages).DequeueCount);
            await harness.Backend.AbandonOrchestrationWorkItemAsync(workItem, new InvalidOperationException("bad input"), Ct);
        }

        Assert.Null(await harness.TryLockAsync());
        var poison = Assert.Single(harness.Backend.PoisonMessages);
        Assert.Equal("start:case-1:exec-1", poison.Message.MessageId);
        Assert.Equal(MaxDeliveryCount, poison.Message.DequeueCount);
        Assert.Contains("bad input", poison.Error, StringComparison.Ordinal);
        Assert.Equal(1, harness.Backend.Statistics.MessagesPoisoned);
    }

    [Fact]
    public async Task AbandonOrchestrationWorkItem_PoisonedMessage_DoesNotBlockLaterMessages()
    {
        await using var harness = new BackendHarness(maxDeliveryCount: MaxDeliveryCount);
        await harness.StartRunningAsync("case-1");
        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Malformed"), Ct);
        for (int attempt = 0; attempt < MaxDeliveryCount - 1; attempt++)
        {
            await harness.Backend.AbandonOrchestrationWorkItemAsync(await harness.LockAsync(), new InvalidOperationException("bad"), Ct);
        }

        await harness.Backend.SendMessageAsync(BackendHarness.Event("case-1", "Note"), Ct);
        await harness.Backend.AbandonOrchestrationWorkItemAsync(await harness.LockAsync(), new InvalidOperationException("bad"), Ct);
        var next = await harness.LockAsync();

        var message = Assert.Single(next.NewMessages);
        Assert.Equal("event:case-1:Note", message.MessageId);
        Assert.Equal(1, message.DequeueCount);
        Assert.Equal("event:case-1:Malformed", Assert.Single(harness.Backend.PoisonMessages).Message.MessageId);
    }

    [Fact]
    public async Task LockExpiry_RepeatedCrashes_MessageMovedToPoison()
    {
        await using var harness = new BackendHarness(maxDeliveryCount: MaxDeliveryCount);
        await harness.Backend.CreateInstanceAsync(BackendHarness.Start("case-1"), Ct);

        for (int attempt = 0; attempt < MaxDeliveryCount; attempt++)
        {
            await harness.LockAsync();
            harness.Time.Advance(BackendHarness.LockTimeout);
        }

        Assert.Null(await harness.TryLockAsync());
        Assert.Contains("lock expired", Assert.Single(harness.Backend.PoisonMessages).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbandonActivityWorkItem_FailsMaxDeliveryCountTimes_RequestMovedToPoison()
    {
        await using var harness = new BackendHarness(maxDeliveryCount: MaxDeliveryCount);
        await harness.StartWithActivitiesAsync("case-1", 1);

        for (int attempt = 0; attempt < MaxDeliveryCount; attempt++)
        {
            var workItem = await harness.LockActivityAsync();
            Assert.Equal(attempt, workItem.Message.DequeueCount);
            await harness.Backend.AbandonActivityWorkItemAsync(workItem, new TimeoutException("provider down"), Ct);
        }

        Assert.Null(await harness.TryLockActivityAsync());
        var poison = Assert.Single(harness.Backend.PoisonMessages);
        Assert.Equal("activity:case-1:1", poison.Message.MessageId);
        Assert.Contains("provider down", poison.Error, StringComparison.Ordinal);
    }
}
