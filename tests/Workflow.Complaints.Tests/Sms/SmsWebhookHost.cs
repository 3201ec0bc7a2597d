using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Workflow.Complaints.Survey;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>A minimal app on Kestrel (127.0.0.1, free port) that calls AddSms, MapSmsEvents and MapSmsOutbox.</summary>
internal sealed class SmsWebhookHost : IAsyncDisposable
{
    public const string Secret = "new-secret";
    public const string OldSecret = "old-secret";

    private readonly WebApplication _app;

    private SmsWebhookHost(WebApplication app, HttpClient client, FakeTimeProvider time, RecordingSurveyReplyHandler replies, RecordingDeliveryReportSink reports)
    {
        _app = app;
        Client = client;
        Time = time;
        Replies = replies;
        Reports = reports;
    }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public RecordingSurveyReplyHandler Replies { get; }

    public RecordingDeliveryReportSink Reports { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="tables">The host's tables.</param>
    /// <param name="settings">Configuration added over the two secrets.</param>
    /// <param name="services">Last registrations, e.g. to post-configure the bearer scheme.</param>
    public static async Task<SmsWebhookHost> StartAsync(SmsTables tables, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:Inbound:Secrets:0"] = OldSecret,
            ["Sms:Inbound:Secrets:1"] = Secret,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var replies = new RecordingSurveyReplyHandler();
        var reports = new RecordingDeliveryReportSink();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton<ISurveyReplyHandler>(replies);
        builder.Services.AddSingleton<IDeliveryReportSink>(reports);
        builder.Services.AddSms(builder.Configuration);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSmsEvents();
        app.MapSmsOutbox();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SmsWebhookHost(app, new HttpClient { BaseAddress = new Uri(address) }, time, replies, reports);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

internal sealed class RecordingSurveyReplyHandler : ISurveyReplyHandler
{
    public HashSet<string> AwaitingSurvey { get; } = [];

    public ConcurrentQueue<(string From, string Text, DateTimeOffset ReceivedAt)> Calls { get; } = new();

    public Task<SurveyReplyOutcome> HandleAsync(string fromE164, string text, DateTimeOffset receivedAt, CancellationToken ct)
    {
        Calls.Enqueue((fromE164, text, receivedAt));
        if (!AwaitingSurvey.Contains(fromE164))
        {
            return Task.FromResult(SurveyReplyOutcome.NoOpenSurvey);
        }

        return Task.FromResult(SurveyReplyParser.Parse(text) is null ? SurveyReplyOutcome.Unparsable : SurveyReplyOutcome.Recorded);
    }
}

internal sealed class RecordingDeliveryReportSink : IDeliveryReportSink
{
    public ConcurrentQueue<SmsDeliveryReport> Reports { get; } = new();

    public Task RecordAsync(SmsDeliveryReport report, CancellationToken ct)
    {
        Reports.Enqueue(report);
        return Task.CompletedTask;
    }
}
