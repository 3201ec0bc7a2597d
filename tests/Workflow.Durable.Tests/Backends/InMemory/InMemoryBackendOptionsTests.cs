using Workflow.Durable.Backends.InMemory;
using Xunit;

namespace Workflow.Durable.Tests.Backends.InMemory;

public sealed class InMemoryBackendOptionsTests
{
    [Fact]
    public void Constructor_DefaultOptions_Valid()
    {
        var options = new InMemoryBackendOptions();

        options.Validate();

        Assert.Same(TimeProvider.System, options.TimeProvider);
    }

    [Fact]
    public void Constructor_ZeroMaxDeliveryCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryOrchestrationBackend(new InMemoryBackendOptions { MaxDeliveryCount = 0 }));
    }

    [Fact]
    public void Constructor_NonPositiveLockTimeout_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryOrchestrationBackend(new InMemoryBackendOptions { LockTimeout = TimeSpan.Zero }));
    }
}
