using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Tests.Lifecycle;
using Workflow.Durable;
using Workflow.Durable.Backend;
using Workflow.Durable.Backends.AzureStorage;
using Workflow.Durable.Client;
using Workflow.Durable.Worker;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>
/// No SMS twice for one step (SPEC section 7), across a host crash: the lifecycle runs on the Azure Storage backend
/// (Azurite) and sends through <see cref="AcsSmsSender"/> to the local fake Communication Services; the first host
/// dies after the send and before the orchestration's checkpoint, a second host on the same task hub and tables
/// resumes the case, and the fake service has handed the acknowledgement to carriers once.
/// </summary>
public sealed class SmsSendOnceCrashTests(SmsStorageFixture storage)
{
    private const string CaseNumber = "C-20261123-000042";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public enum CrashPoint
    {
        /// <summary>The provider accepted the message but the host died before its answer arrived (the send log has no sent mark).</summary>
        AnswerOnTheWire,

        /// <summary>The activity finished (the send log marks it sent) and the host died before its result was checkpointed.</summary>
        BeforeCheckpoint,
    }

    [Theory]
    [InlineData(CrashPoint.AnswerOnTheWire)]
    [InlineData(CrashPoint.BeforeCheckpoint)]
    public async Task Acknowledgement_HostCrashesBetweenSendAndCheckpoint_ResumedHostSendsItOnce(CrashPoint point)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var acs = await FakeAcsServer.StartAsync();
        var tables = storage.NewTables();
        var cases = new InMemoryCaseRecorder();
        cases.SaveContact(CaseNumber, new CaseContact(LifecycleHarness.Phone, "zh-CN", "CN"));
        var hub = "t" + Guid.NewGuid().ToString("N")[..16];
        var acknowledgement = SmsRepeatability.IdFor(CaseNumber, SmsSteps.Acknowledgement).ToString("D");

        var answerHeld = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var crash = new CrashAfterTheSend(acs);
        if (point == CrashPoint.AnswerOnTheWire)
        {
            var held = 0;
            acs.BeforeAnswer = () =>
            {
                if (Interlocked.Exchange(ref held, 1) == 1)
                {
                    return Task.CompletedTask;
                }

                answerHeld.TrySetResult();
                return release.Task;
            };
        }

        await using var first = await LifecycleHost.StartAsync(storage.ConnectionString, hub, tables, cases, acs, point == CrashPoint.BeforeCheckpoint ? crash : NoFaults.Instance);
        await first.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ComplaintLifecycleOrchestrator), LifecycleHarness.Complaint(CaseNumber), new StartOrchestrationOptions { InstanceId = CaseNumber }, ct);
        await (point == CrashPoint.AnswerOnTheWire ? answerHeld.Task : crash.Fired.Task).WaitAsync(Patience, ct);

        // The host dies: its work stops where it is, nothing is released or checkpointed.
        await first.KillAsync();
        release.TrySetResult();

        await using var second = await LifecycleHost.StartAsync(storage.ConnectionString, hub, tables, cases, acs, NoFaults.Instance);
        var settled = await second.SettledAsync(CaseNumber, ct);

        Assert.Equal(CaseStatus.Open, settled.Status);
        Assert.Equal([acknowledgement], acs.Delivered.Keys);
        var requests = acs.Requests.Where(r => r.RepeatabilityId == acknowledgement).ToList();
        // Every request for the step carried the same id and first-sent time; after a lost answer the resumed host asked again.
        Assert.Equal(point == CrashPoint.AnswerOnTheWire ? 2 : 1, requests.Count);
        Assert.Single(requests.Select(r => r.FirstSent).Distinct());
        var sent = Assert.Single(cases.Timeline(CaseNumber), e => e.Kind == TimelineKinds.SmsSent);
        Assert.Equal(point == CrashPoint.AnswerOnTheWire ? "acknowledgement: Sent" : "acknowledgement: AlreadySent", sent.Reason);
    }

    /// <summary>Crashes the host once, at the first checkpoint of an activity after the fake service received a message.</summary>
    private sealed class CrashAfterTheSend(FakeAcsServer acs) : IFaultInjector
    {
        public TaskCompletionSource Fired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnStep(FaultPoint point, string instanceId)
        {
            if (point == FaultPoint.ActivityExecuted && !acs.Requests.IsEmpty && Fired.TrySetResult())
            {
                throw new SimulatedCrashException(point, instanceId);
            }
        }
    }

    /// <summary>One host process: the lifecycle's services, an Azure Storage backend on the shared task hub and a worker.</summary>
    private sealed class LifecycleHost : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly AzureStorageOrchestrationBackend _backend;
        private readonly DurableTaskWorker _worker;
        private readonly CancellationTokenSource _stop = new();
        private bool _killed;

        private LifecycleHost(ServiceProvider services, AzureStorageOrchestrationBackend backend, DurableTaskWorker worker)
        {
            _services = services;
            _backend = backend;
            _worker = worker;
            Client = new DurableTaskClient(backend);
        }

        public DurableTaskClient Client { get; }

        public static async Task<LifecycleHost> StartAsync(
            string connectionString, string hub, SmsTables tables, InMemoryCaseRecorder cases, FakeAcsServer acs, IFaultInjector faults)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sms:ConnectionString"] = acs.ConnectionString,
                ["Sms:From"] = "+18005550100",
                ["Sms:MaxRetries"] = "0",
            }).Build();
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(TimeProvider.System)
                .AddSingleton(tables)
                .AddSingleton(cases)
                .AddSingleton<ICaseRecorder>(cases)
                .AddSingleton<OutboxNotifier>()
                .AddSingleton<INotifier>(sp => sp.GetRequiredService<OutboxNotifier>())
                .AddComplaintRules(configuration)
                .AddSms(configuration)
                .AddComplaintLifecycle(configuration)
                .BuildServiceProvider();
            var backend = new AzureStorageOrchestrationBackend(new AzureStorageBackendOptions
            {
                ConnectionString = connectionString,
                TaskHubName = hub,
                PartitionCount = 1,
                FaultInjector = faults,
                ControlMessageVisibilityTimeout = TimeSpan.FromSeconds(3),
                // Long enough that a slow send on a loaded machine is not redelivered to the first host while it runs
                // (which would be a legitimate second request with the same repeatability id); the resumed host gets
                // the killed host's activity once this runs out.
                ActivityVisibilityTimeout = TimeSpan.FromSeconds(10),
                LeaseDuration = TimeSpan.FromSeconds(3),
                LeaseRenewInterval = TimeSpan.FromMilliseconds(500),
                MaxPollingInterval = TimeSpan.FromMilliseconds(200),
                RetryBackoff = TimeSpan.Zero,
                DrainTimeout = TimeSpan.FromSeconds(1),
            });
            var worker = new DurableTaskWorker(
                backend, new DurableTaskRegistry().RegisterLifecycleTasks(), services,
                Options.Create(new DurableTaskOptions { MaxConcurrentOrchestratorFunctions = 2, MaxConcurrentActivityFunctions = 2 }),
                NullLogger<DurableTaskWorker>.Instance);
            var host = new LifecycleHost(services, backend, worker);
            await worker.StartAsync(host._stop.Token);
            return host;
        }

        /// <summary>Waits until the case's orchestration first settles to wait for events and timers.</summary>
        public async Task<LifecycleStatus> SettledAsync(string caseNumber, CancellationToken ct)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                var state = await Client.GetInstanceAsync(caseNumber, getInputsAndOutputs: true, ct);
                Assert.NotEqual(OrchestrationRuntimeStatus.Failed, state?.RuntimeStatus);
                if (state?.ReadCustomStatusAs<LifecycleStatus>() is { } status)
                {
                    return status;
                }

                await Task.Delay(50, ct);
            }

            throw new TimeoutException($"Case {caseNumber} did not settle.");
        }

        /// <summary>Stops the host the way a killed process stops: in-flight work is cancelled, not completed or abandoned.</summary>
        public async Task KillAsync()
        {
            _killed = true;
            await _stop.CancelAsync();
            await _worker.StopAsync(CancellationToken.None);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_killed)
            {
                await KillAsync();
            }

            _worker.Dispose();
            await _backend.DisposeAsync();
            await _services.DisposeAsync();
            _stop.Dispose();
        }
    }
}
