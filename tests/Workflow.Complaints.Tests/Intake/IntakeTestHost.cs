using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Tests.Intake;

/// <summary>
/// A minimal host on Kestrel (127.0.0.1, a free port) with intake and the case store, on its own
/// tables and queues in the shared Azurite, with every log line captured.
/// </summary>
public sealed class IntakeTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IntakeTestHost(WebApplication app, HttpClient client, CapturedLogs logs, string prefix, string queue, string connectionString)
    {
        _app = app;
        Client = client;
        Logs = logs;
        Prefix = prefix;
        QueueName = queue;
        ConnectionString = connectionString;
    }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public string Prefix { get; }

    public string QueueName { get; }

    public string ConnectionString { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<IntakeTestHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var prefix = "t" + id;
        var queue = "intake-" + id;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var config = new Dictionary<string, string?>
        {
            [CaseStoreServiceCollectionExtensions.StorageSetting] = connectionString,
            ["Cases:TablePrefix"] = prefix,
            ["Intake:QueueName"] = queue,
            ["Intake:PoisonQueueName"] = queue + "-poison",
            ["Intake:RateLimitPermits"] = "100000",
            ["Intake:QueueListenerEnabled"] = "false",
        };
        foreach (var setting in settings ?? new Dictionary<string, string?>())
        {
            config[setting.Key] = setting.Value;
        }

        prefix = config["Cases:TablePrefix"]!;
        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddIntake(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapIntake();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new IntakeTestHost(app, client, logs, prefix, queue, connectionString);
    }

    public QueueIntakeListener Listener => _app.Services.GetServices<IHostedService>().OfType<QueueIntakeListener>().Single();

    public QueueClient IntakeQueue => new QueueServiceClient(ConnectionString).GetQueueClient(QueueName);

    public QueueClient PoisonQueue => new QueueServiceClient(ConnectionString).GetQueueClient(QueueName + "-poison");

    /// <summary>How many rows a table of this host holds (0 when it was never created).</summary>
    public async Task<int> CountAsync(string table)
    {
        var client = new TableServiceClient(ConnectionString).GetTableClient(Prefix + table);
        var count = 0;
        try
        {
            await foreach (var _ in client.QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return 0;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
