using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.Tests.Contract;

using Xunit;

namespace Workflow.Durable.Tests.Backends.AzureStorage;

/// <summary>The backend contract suite on the Azure Storage backend, on Azurite, a fresh task hub per test.</summary>
[Collection(HeavyAzureTests.Name)]
public sealed class AzureStorageContractTests(AzuriteFixture azurite) : OrchestrationContractTests
{
    /// <inheritdoc/>
    protected override IBackendFactory Factory { get; } = new AzureStorageFactory(azurite);

    /// <inheritdoc/>
    protected override int CrashScheduleCount =>
        int.TryParse(Environment.GetEnvironmentVariable("WORKFLOW_AZURE_CRASH_SCHEDULES"), out var n) ? n : 200;

    /// <inheritdoc/>
    protected override int CrashScheduleParallelism => 4;

    /// <inheritdoc/>
    protected override TimeSpan CrashSchedulePatience => TimeSpan.FromMinutes(3);

    /// <inheritdoc/>
    protected override TimeSpan CrashLockTimeout => TimeSpan.FromSeconds(2);

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
                // Sends within a host wake its readers at once; polling only finds messages a crash left
                // invisible, so it can be slow, which keeps parallel schedules from flooding the emulator.
                MaxPollingInterval = TimeSpan.FromMilliseconds(500),
                LeaseDuration = TimeSpan.FromSeconds(10),
                LeaseRenewInterval = TimeSpan.FromSeconds(2),
                DrainTimeout = TimeSpan.FromSeconds(2),

                // The crash schedules crash up to 6 times; poison handling has its own tests.
                MaxDequeueCount = 50,
            });
        }
    }
}
