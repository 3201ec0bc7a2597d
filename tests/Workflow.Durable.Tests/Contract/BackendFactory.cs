using Workflow.Durable.Backend;

namespace Workflow.Durable.Tests.Contract;

/// <summary>Makes fresh backends (a fresh task hub each) for the contract suite.</summary>
public interface IBackendFactory
{
    /// <summary>A new, empty backend on <paramref name="time"/>, with <paramref name="faults"/> injected.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="faults">The fault injector.</param>
    /// <param name="lockTimeout">How long a crashed worker's locks last.</param>
    Task<IOrchestrationBackend> CreateAsync(TimeProvider time, IFaultInjector faults, TimeSpan lockTimeout);

}
