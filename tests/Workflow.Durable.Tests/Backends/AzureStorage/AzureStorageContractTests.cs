using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.Tests.Contract;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>The backend contract suite on the Azure Storage backend, on Azurite, a fresh task hub per test.</summary>
public sealed class AzureStorageContractTests(AzuriteFixture azurite) : OrchestrationContractTests
{
    /// <inheritdoc/>
    protected override IBackendFactory Factory { get; } = new AzureStorageFactory(azurite);

    /// <inheritdoc/>
    protected override int CrashScheduleCount =>
        int.TryParse(Environment.GetEnvironmentVariable("WORKFLOW_AZURE_CRASH_SCHEDULES"), out var n) ? n : 200;

    /// <inheritdoc/>
    protected override TimeSpan CrashLockTimeout => TimeSpan.FromSeconds(1);

    private sealed class AzureStorageFactory(AzuriteFixture azurite) : IBackendFactory
    {
        public Task<IOrchestrationBackend> CreateAsync(TimeProvider time, IFaultInjector faults, TimeSpan lockTimeout) =>
            Task.FromResult<IOrchestrationBackend>(Create(BackendTestKit.NewHubName(), time, faults, lockTimeout));

        private AzureStorageOrchestrationBackend Create(string hub, TimeProvider time, IFaultInjector faults, TimeSpan lockTimeout)
        {
            // A crashed worker's messages stay invisible for the visibility timeout, as after a real crash.
            var visibility = lockTimeout < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : lockTimeout;
            return new AzureStorageOrchestrationBackend(new AzureStorageBackendOptions
            {
                ConnectionString = azurite.ConnectionString,
                TaskHubName = hub,
                TimeProvider = time,
                FaultInjector = faults,
                ControlMessageVisibilityTimeout = visibility,
                ActivityVisibilityTimeout = visibility,
                RetryBackoff = TimeSpan.Zero,
                MaxPollingInterval = TimeSpan.FromMilliseconds(100),
                LeaseDuration = TimeSpan.FromSeconds(3),
                LeaseRenewInterval = TimeSpan.FromMilliseconds(500),
                DrainTimeout = TimeSpan.FromSeconds(2),

                // The crash schedules crash up to 6 times; poison handling has its own tests.
                MaxDequeueCount = 50,
            });
        }
    }
}
