using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Workflow.Durable.Client;

namespace Workflow.Durable.Worker;

/// <summary>Registers the durable runtime with dependency injection.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the worker, running the tasks registered in <paramref name="registerTasks"/>. Options come
    /// from <paramref name="configuration"/>'s <c>extensions:durableTask</c> section (host.json) when given.
    /// A backend (<see cref="Backend.IOrchestrationBackend"/>) must be registered too.
    /// </summary>
    public static IServiceCollection AddDurableTaskWorker(
        this IServiceCollection services, Action<DurableTaskRegistry> registerTasks, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registerTasks);
        var registry = new DurableTaskRegistry();
        registerTasks(registry);
        services.AddSingleton(registry);
        services.AddDurableTaskOptions(configuration);
        services.AddSingleton<DurableTaskWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableTaskWorker>());
        return services;
    }

    /// <summary>Adds the <see cref="DurableTaskClient"/>.</summary>
    public static IServiceCollection AddDurableTaskClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new DurableTaskClient(sp.GetRequiredService<Backend.IOrchestrationBackend>(), sp.GetService<DataConverter>()));
        return services;
    }

    /// <summary>Binds and validates <see cref="DurableTaskOptions"/> at start-up.</summary>
    public static IServiceCollection AddDurableTaskOptions(this IServiceCollection services, IConfiguration? configuration)
    {
        var options = services.AddOptions<DurableTaskOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(DurableTaskOptions.Section));
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
