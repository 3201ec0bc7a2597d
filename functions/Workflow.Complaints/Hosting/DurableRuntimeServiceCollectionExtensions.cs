using Microsoft.Extensions.Options;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.Worker;

namespace Workflow.Complaints.Hosting;

/// <summary>Registers the durable runtime (backend, worker, client) for the complaint service.</summary>
public static class DurableRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The setting that picks the backend: <c>AzureStorage</c> (the default when <c>AzureWebJobsStorage</c> is
    /// set, as <c>./run</c> does) or <c>InMemory</c> (the default otherwise; state is lost on exit).
    /// </summary>
    public const string BackendSetting = "Durable:Backend";

    /// <summary>
    /// Adds the backend named by <see cref="BackendSetting"/>, the worker running <paramref name="registerTasks"/>,
    /// and the client. Options come from host.json's <c>extensions:durableTask</c>.
    /// </summary>
    public static IServiceCollection AddDurableRuntime(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> registerTasks)
    {
        var storage = configuration["AzureWebJobsStorage"];
        var backend = configuration[BackendSetting] ?? (string.IsNullOrWhiteSpace(storage) ? "InMemory" : "AzureStorage");
        switch (backend)
        {
            case "AzureStorage":
                services.AddSingleton<IOrchestrationBackend>(sp =>
                {
                    var durable = sp.GetRequiredService<IOptions<DurableTaskOptions>>().Value;
                    var provider = durable.StorageProvider;
                    var options = new AzureStorageBackendOptions
                    {
                        ConnectionString = storage ?? throw new InvalidOperationException("AzureWebJobsStorage is required for the AzureStorage backend."),
                        TaskHubName = durable.HubName,
                        PartitionCount = provider.PartitionCount,
                        TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    };
                    // Unset timings keep the backend's defaults.
                    options.ControlMessageVisibilityTimeout = provider.ControlQueueVisibilityTimeout ?? options.ControlMessageVisibilityTimeout;
                    options.ActivityVisibilityTimeout = provider.WorkItemQueueVisibilityTimeout ?? options.ActivityVisibilityTimeout;
                    options.MaxPollingInterval = provider.MaxQueuePollingInterval ?? options.MaxPollingInterval;
                    options.LeaseDuration = provider.PartitionLeaseDuration ?? options.LeaseDuration;
                    options.LeaseRenewInterval = provider.PartitionLeaseRenewInterval ?? options.LeaseRenewInterval;
                    options.DrainTimeout = provider.PartitionDrainTimeout ?? options.DrainTimeout;
                    return new AzureStorageOrchestrationBackend(options, sp.GetService<ILogger<AzureStorageOrchestrationBackend>>());
                });
                break;
            case "InMemory":
                services.AddSingleton<IOrchestrationBackend>(sp => new InMemoryOrchestrationBackend(new InMemoryBackendOptions
                {
                    TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
                }));
                break;
            default:
                throw new InvalidOperationException($"{BackendSetting} '{backend}' is not a known durable backend (AzureStorage, InMemory).");
        }

        services.AddDurableTaskWorker(registerTasks, configuration);
        services.AddDurableTaskClient();
        return services;
    }
}
