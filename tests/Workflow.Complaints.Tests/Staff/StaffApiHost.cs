using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Staff;
using Workflow.Complaints.Tests.Hosting;
using Workflow.Complaints.Tests.Intake;
using Workflow.Complaints.Tests.Lifecycle;
using Workflow.Durable.Client;
using Xunit;

namespace Workflow.Complaints.Tests.Staff;

/// <summary>
/// The whole host (Program) with the in-memory durable backend, the case store on its own tables in the
/// shared Azurite, fake time driving the durable timers, a recording SMS sender and every log line captured.
/// Each step waits until the case's orchestration has settled again, so fake time only moves while it is idle.
/// </summary>
internal sealed class StaffApiHost : WebApplicationFactory<Program>
{
    // Monday 23 November 2026, 10:00 in Beijing: inside working hours.
    public static readonly DateTimeOffset Opening = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _connectionString;
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, int> _steps = new(StringComparer.Ordinal);
    private readonly bool _outboxSms;

    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="connectionString">The shared Azurite.</param>
    /// <param name="start">Where fake time starts.</param>
    /// <param name="outboxSms">Send through the host's default outbox sender (on this host's own SMS tables) instead of <see cref="Sms"/>.</param>
    /// <param name="settings">Further host settings.</param>
    public StaffApiHost(string connectionString, DateTimeOffset? start = null, bool outboxSms = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _connectionString = connectionString;
        _outboxSms = outboxSms;
        _settings = settings ?? new Dictionary<string, string?>();
        Time = new FakeTimeProvider(start ?? Opening);
    }

    public FakeTimeProvider Time { get; }

    public RecordingSmsSender Sms { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public string QueueName => "intake-" + _id;

    public DurableTaskClient Durable => Services.GetRequiredService<DurableTaskClient>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AzureWebJobsStorage", _connectionString);
        builder.UseSetting("Durable:Backend", "InMemory");
        builder.UseSetting("Cases:TablePrefix", "t" + _id);
        builder.UseSetting("Intake:QueueName", QueueName);
        builder.UseSetting("Intake:PoisonQueueName", QueueName + "-poison");
        builder.UseSetting("Intake:QueueListenerEnabled", "false");
        builder.UseSetting("Intake:RateLimitPermits", "100000");
        builder.UseSetting("Sms:TablePrefix", "s" + _id);
        builder.UseTestUsers();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            if (!_outboxSms)
            {
                s.AddSingleton<ISmsSender>(Sms);
            }
        });
    }

    public HttpClient As(string user, string? password = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password ?? DefaultPassword(user)}")));
        return client;
    }

    /// <summary>Posts a submission to the public intake and waits until its case's orchestration first settles.</summary>
    public async Task<string> OpenAsync(string json)
    {
        using var client = CreateClient();
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/complaints", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<IntakeAccepted>(Json))!;
        await SettledAsync(accepted.CaseNumber);
        return accepted.CaseNumber;
    }

    /// <summary>Posts an action at <paramref name="at"/>; on 202 waits until the orchestration has handled it.</summary>
    public async Task<HttpResponseMessage> ActAsync(string caseNumber, string action, object? body, DateTimeOffset at, string user = "dev")
    {
        Assert.True(at >= Time.GetUtcNow(), "time only moves forward");
        Time.SetUtcNow(at);
        using var client = As(user);
        using var content = body is null ? null : JsonContent.Create(body, options: Json);
        var response = await client.PostAsync(new Uri($"/api/cases/{caseNumber}/{action}", UriKind.Relative), content);
        await response.Content.LoadIntoBufferAsync();
        Responses.Add(await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.Accepted && (await GetStatusAsync(caseNumber))?.Status is { } status && !CaseTransitions.IsFinished(status))
        {
            await SettledAsync(caseNumber);
        }

        return response;
    }

    /// <summary>Moves fake time to <paramref name="at"/>, where a timer of the case is due, and waits until it settles.</summary>
    public async Task<LifecycleStatus> AdvanceToAsync(string caseNumber, DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        return await SettledAsync(caseNumber);
    }

    public async Task<CaseView> CaseAsync(string caseNumber, string user = "agent")
    {
        using var client = As(user);
        using var response = await client.GetAsync(new Uri($"/api/cases/{caseNumber}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Responses.Add(text);
        return JsonSerializer.Deserialize<CaseView>(text, Json)!;
    }

    /// <summary>Every response body read through <see cref="CaseAsync"/> and <see cref="ActAsync"/> (for the no-full-phone check).</summary>
    public List<string> Responses { get; } = [];

    /// <summary>Waits (real time) until the case's orchestration settles at a step past the last one seen, or ends.</summary>
    public async Task<LifecycleStatus> SettledAsync(string caseNumber)
    {
        var seen = _steps.GetValueOrDefault(caseNumber);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var state = await Durable.GetInstanceAsync(caseNumber, getInputsAndOutputs: true);
            if (state?.RuntimeStatus == Workflow.Durable.OrchestrationRuntimeStatus.Failed)
            {
                Assert.Fail($"The orchestration failed: {state.FailureDetails}");
            }

            if (state?.ReadCustomStatusAs<LifecycleStatus>() is { } status && status.Step > seen)
            {
                _steps[caseNumber] = status.Step;
                return status;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"Case {caseNumber} did not settle after step {seen}.");
    }

    public async Task<LifecycleStatus?> GetStatusAsync(string caseNumber) =>
        (await Durable.GetInstanceAsync(caseNumber, getInputsAndOutputs: true))?.ReadCustomStatusAs<LifecycleStatus>();

    public QueueIntakeListener Listener => Services.GetServices<IHostedService>().OfType<QueueIntakeListener>().Single();

    private static string DefaultPassword(string user) => user switch
    {
        "dev" or "agent" or "supervisor" or "ops" => user + "-password",
        _ => TestUsers.Password,
    };
}
