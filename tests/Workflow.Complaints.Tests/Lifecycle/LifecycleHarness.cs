using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Triage;
using Workflow.Durable;
using Workflow.Durable.Backends.InMemory;
using Workflow.Durable.Client;
using Workflow.Durable.Worker;
using Xunit;

namespace Workflow.Complaints.Tests.Lifecycle;

/// <summary>
/// The lifecycle orchestration on the in-memory backend with fake time; only the SMS provider is a double.
/// Every step waits until the orchestration has settled again, so fake time only moves while it is idle.
/// </summary>
internal sealed class LifecycleHarness : IAsyncDisposable
{
    // Monday 23 November 2026, 10:00 in Beijing: inside working hours.
    public static readonly DateTimeOffset Opening = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The customer's number (what intake's customer record would hold).</summary>
    public const string Phone = "+8613812345678";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ServiceProvider _services;
    private readonly InMemoryOrchestrationBackend _backend;
    private readonly DurableTaskWorker _worker;
    private readonly CancellationTokenSource _stop = new();
    private int _step;

    private LifecycleHarness(ServiceProvider services, InMemoryOrchestrationBackend backend, DurableTaskWorker worker, FakeTimeProvider time)
    {
        _services = services;
        _backend = backend;
        _worker = worker;
        Time = time;
        Client = new DurableTaskClient(backend);
    }

    public FakeTimeProvider Time { get; }

    public DurableTaskClient Client { get; }

    public RecordingSmsSender Sms => _services.GetRequiredService<RecordingSmsSender>();

    public InMemoryCaseRecorder Cases => _services.GetRequiredService<InMemoryCaseRecorder>();

    public OutboxNotifier Notifications => _services.GetRequiredService<OutboxNotifier>();

    public string CaseNumber { get; private set; } = "";

    public static async Task<LifecycleHarness> StartAsync(DateTimeOffset? start = null, IDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(start ?? Opening);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<RecordingSmsSender>()
            .AddSingleton<ISmsSender>(sp => sp.GetRequiredService<RecordingSmsSender>())
            .AddSingleton<InMemoryCaseRecorder>()
            .AddSingleton<ICaseRecorder>(sp => sp.GetRequiredService<InMemoryCaseRecorder>())
            .AddSingleton<OutboxNotifier>()
            .AddSingleton<INotifier>(sp => sp.GetRequiredService<OutboxNotifier>())
            .AddComplaintRules(configuration)
            .AddSms(configuration)
            .AddComplaintLifecycle(configuration)
            .BuildServiceProvider();
        var backend = new InMemoryOrchestrationBackend(new InMemoryBackendOptions { TimeProvider = time });
        var registry = new DurableTaskRegistry().RegisterLifecycleTasks();
        var worker = new DurableTaskWorker(
            backend, registry, services,
            Options.Create(new DurableTaskOptions { MaxConcurrentOrchestratorFunctions = 2, MaxConcurrentActivityFunctions = 2 }),
            NullLogger<DurableTaskWorker>.Instance);
        var harness = new LifecycleHarness(services, backend, worker, time);
        await worker.StartAsync(harness._stop.Token);
        return harness;
    }

    public static CaseOpened Complaint(string caseNumber, string description = "The app shows my order twice and nobody answers the chat.") =>
        new(caseNumber, "en", new TriageInput(CaseType.Complaint, description, Region: "CN"));

    /// <summary>Starts the case's orchestration and waits until it first settles.</summary>
    public async Task<LifecycleStatus> OpenAsync(CaseOpened opened)
    {
        CaseNumber = opened.CaseNumber;
        Cases.SaveContact(opened.CaseNumber, new CaseContact(Phone, opened.Language, opened.Complaint.Region ?? "CN"));
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ComplaintLifecycleOrchestrator), opened, new StartOrchestrationOptions { InstanceId = opened.CaseNumber });
        return await NextStepAsync();
    }

    /// <summary>Raises a staff or customer event at <paramref name="at"/> and waits until the orchestration settles.</summary>
    public async Task<LifecycleStatus> RaiseAsync(string eventName, CaseEventData data, DateTimeOffset at)
    {
        Assert.True(at >= Time.GetUtcNow(), "time only moves forward");
        Time.SetUtcNow(at);
        await Client.RaiseEventAsync(CaseNumber, eventName, data);
        return await NextStepAsync();
    }

    /// <summary>Raises several events at once, without waiting in between, then waits until the case reaches <paramref name="expected"/>.</summary>
    public async Task<LifecycleStatus> RaiseTogetherAsync(DateTimeOffset at, CaseStatus expected, params (string Name, CaseEventData Data)[] events)
    {
        Time.SetUtcNow(at);
        foreach (var (name, data) in events)
        {
            await Client.RaiseEventAsync(CaseNumber, name, data);
        }

        while (true)
        {
            var status = await NextStepAsync();
            if (status.Status == expected)
            {
                return status;
            }
        }
    }

    /// <summary>Moves fake time to <paramref name="at"/>, where a timer is due, and waits until the orchestration settles.</summary>
    public async Task<LifecycleStatus> AdvanceToAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        return await NextStepAsync();
    }

    /// <summary>Waits (real time) until the orchestration's status satisfies <paramref name="condition"/>.</summary>
    public async Task<LifecycleStatus> StatusWhenAsync(Func<LifecycleStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var state = await Client.GetInstanceAsync(CaseNumber, getInputsAndOutputs: true);
            if (state?.ReadCustomStatusAs<LifecycleStatus>() is { } status && condition(status))
            {
                _step = Math.Max(_step, status.Step);
                return status;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"Case {CaseNumber} never reached the expected status.");
    }

    public async Task<CaseOutcome> OutcomeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var done = await Client.WaitForInstanceCompletionAsync(CaseNumber, getInputsAndOutputs: true, timeout.Token);
        Assert.NotNull(done);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<CaseOutcome>()!;
    }

    public IReadOnlyList<TimelineEntry> Timeline => Cases.Timeline(CaseNumber);

    /// <summary>The timeline entries after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<TimelineEntry> TimelineSince(int skip) => [.. Timeline.Skip(skip)];

    public IReadOnlyList<SmsMessage> SmsSent => Sms.For(CaseNumber);

    public IReadOnlyList<StaffNotification> Notified => Notifications.List(CaseNumber);

    private async Task<LifecycleStatus> NextStepAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var state = await Client.GetInstanceAsync(CaseNumber, getInputsAndOutputs: true);
            if (state?.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
            {
                Assert.Fail($"The orchestration failed: {state.FailureDetails}");
            }

            if (state?.ReadCustomStatusAs<LifecycleStatus>() is { } status && status.Step > _step)
            {
                _step = status.Step;
                return status;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"Case {CaseNumber} did not settle after step {_step}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        await _backend.DisposeAsync();
        await _services.DisposeAsync();
        _stop.Dispose();
    }
}
