using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Durable.Backend;
using Workflow.Durable.Client;
using Workflow.Durable.Worker;

namespace Workflow.Durable.Tests.Contract;

/// <summary>A worker and a client over one backend, for tests. Disposing stops the worker.</summary>
internal sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _ownsBackend;

    private DurableTestHost(IOrchestrationBackend backend, ServiceProvider services, DurableTaskWorker worker, bool ownsBackend)
    {
        Backend = backend;
        _services = services;
        Worker = worker;
        _ownsBackend = ownsBackend;
        Client = new DurableTaskClient(backend);
    }

    public IOrchestrationBackend Backend { get; }

    public DurableTaskWorker Worker { get; }

    public DurableTaskClient Client { get; }

    public static async Task<DurableTestHost> StartAsync(
        IOrchestrationBackend backend, Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null,
        int concurrency = 4, bool ownsBackend = true, ILoggerProvider? logs = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        var registry = new DurableTaskRegistry();
        tasks(registry);
        var options = Options.Create(new DurableTaskOptions
        {
            MaxConcurrentOrchestratorFunctions = concurrency,
            MaxConcurrentActivityFunctions = concurrency,
        });
        var worker = new DurableTaskWorker(
            backend, registry, provider, options,
            provider.GetService<ILogger<DurableTaskWorker>>() ?? NullLogger<DurableTaskWorker>.Instance);
        var host = new DurableTestHost(backend, provider, worker, ownsBackend);
        await worker.StartAsync(host._stop.Token);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        if (_ownsBackend)
        {
            await Backend.DisposeAsync();
        }

        await _services.DisposeAsync();
        _stop.Dispose();
    }
}
