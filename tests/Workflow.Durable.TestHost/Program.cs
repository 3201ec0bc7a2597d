using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.TestHost;
using Workflow.Durable.Worker;

// A worker process for tests that kill hosts: `Workflow.Durable.TestHost <task hub> <worker id>`, with the
// storage connection string in WORKFLOW_TESTHOST_STORAGE. It runs the Steps workflow on the Azure Storage
// backend, journals every turn, prints "ready" once it serves, and stops cleanly when its input closes.
if (args.Length != 2 || Environment.GetEnvironmentVariable(TestHostSettings.StorageVariable) is not { Length: > 0 } connection)
{
    await Console.Error.WriteLineAsync($"usage: Workflow.Durable.TestHost <task hub> <worker id>, with {TestHostSettings.StorageVariable} set");
    return 2;
}

var (hub, workerId) = (args[0], args[1]);
var backend = new AzureStorageOrchestrationBackend(TestHostSettings.BackendOptions(connection, hub, workerId));
var journal = new TurnJournal(connection, hub);
await journal.CreateAsync();
var journaled = new JournaledBackend(backend, journal, workerId);
await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
var registry = StepsWorkflow.Register(new DurableTaskRegistry(), TestHostSettings.ActivityTime);
using var worker = new DurableTaskWorker(
    journaled, registry, services,
    Options.Create(new DurableTaskOptions { MaxConcurrentOrchestratorFunctions = 8, MaxConcurrentActivityFunctions = 8 }),
    NullLogger<DurableTaskWorker>.Instance);
await worker.StartAsync(CancellationToken.None);
Console.WriteLine("ready");

while (await Console.In.ReadLineAsync() is not null)
{
    // Any line is ignored; end of input means stop.
}

await worker.StopAsync(CancellationToken.None);
return 0;
