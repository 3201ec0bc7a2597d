using Workflow.Durable.Backend;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.Tests.Contract;

namespace Workflow.Durable.Tests.Backends.InMemory;

/// <summary>The backend contract suite on the in-memory backend.</summary>
public sealed class InMemoryContractTests : OrchestrationContractTests
{
    /// <inheritdoc/>
    protected override IBackendFactory Factory { get; } = new InMemoryFactory();

    /// <inheritdoc/>
    protected override IReadOnlyCollection<object> PoisonOf(IOrchestrationBackend backend) =>
        ((InMemoryOrchestrationBackend)backend).PoisonMessages.Cast<object>().ToList();

    private sealed class InMemoryFactory : IBackendFactory
    {
        public Task<IOrchestrationBackend> CreateAsync(TimeProvider time, IFaultInjector faults, TimeSpan lockTimeout) =>
            Task.FromResult<IOrchestrationBackend>(new InMemoryOrchestrationBackend(new InMemoryBackendOptions
            {
                TimeProvider = time,
                FaultInjector = faults,
                LockTimeout = lockTimeout,
                ActivityLockTimeout = lockTimeout,
                MaxDeliveryCount = 50, // the crash schedules crash up to 6 times; poison handling has its own tests
            }));
    }
}
