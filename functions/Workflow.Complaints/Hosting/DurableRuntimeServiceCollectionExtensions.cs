using Workflow.Durable.Backend;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.Worker;

namespace Workflow.Complaints.Hosting;

/// <summary>Registers the durable runtime (backend, worker, client) for the complaint service.</summary>
public static class DurableRuntimeServiceCollectionExtensions
{
    /// <summary>The setting that picks the backend: <c>InMemory</c> (default until the Azure Storage backend is wired) or <c>AzureStorage</c>.</summary>
    public const string BackendSetting = "Durable:Backend";

    /// <summary>
    /// Adds the backend named by <see cref="BackendSetting"/>, the worker running <paramref name="registerTasks"/>,
    /// and the client. Options come from host.json's <c>extensions:durableTask</c>.
    /// </summary>
    public static IServiceCollection AddDurableRuntime(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> registerTasks)
    {
        var backend = configuration[BackendSetting] ?? "InMemory";
        switch (backend)
        {
            case "InMemory":
                services.AddSingleton<IOrchestrationBackend>(sp => new InMemoryOrchestrationBackend(new InMemoryBackendOptions
                {
                    TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System,
                }));
                break;
            default:
                throw new InvalidOperationException($"{BackendSetting} '{backend}' is not a known durable backend (InMemory).");
        }

        services.AddDurableTaskWorker(registerTasks, configuration);
        services.AddDurableTaskClient();
        return services;
    }
}
