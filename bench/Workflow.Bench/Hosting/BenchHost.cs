using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Bench.Backends;
using Workflow.Durable.Client;
using Workflow.Durable.Worker;

namespace Workflow.Bench.Hosting;

/// <summary>One worker (default options, as in production) and a client over a fresh backend. Disposing stops both.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchHost(BenchBackend backend, ServiceProvider services, DurableTaskWorker worker)
    {
        Backend = backend;
        _services = services;
        Worker = worker;
        Client = new DurableTaskClient(backend.Backend);
    }

    public BenchBackend Backend { get; }

    public DurableTaskWorker Worker { get; }

    public DurableTaskClient Client { get; }

    public static async Task<BenchHost> StartAsync(BenchBackend backend, Action<DurableTaskRegistry> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(tasks);
        var services = new ServiceCollection().BuildServiceProvider();
        var registry = new DurableTaskRegistry();
        tasks(registry);
        var worker = new DurableTaskWorker(
            backend.Backend, registry, services, Options.Create(new DurableTaskOptions()), NullLogger<DurableTaskWorker>.Instance);
        var host = new BenchHost(backend, services, worker);
        await worker.StartAsync(cancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(CancellationToken.None);
        Worker.Dispose();
        await Backend.Backend.DisposeAsync();
        await _services.DisposeAsync();
    }
}
