using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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

    public static async Task<SmsWebhookHost> StartAsync(SmsTables tables)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sms:Inbound:Secrets:0"] = OldSecret,
            ["Sms:Inbound:Secrets:1"] = Secret,
        });
        var replies = new RecordingSurveyReplyHandler();
        var reports = new RecordingDeliveryReportSink();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton<ISurveyReplyHandler>(replies);
        builder.Services.AddSingleton<IDeliveryReportSink>(reports);
        builder.Services.AddSms(builder.Configuration);
        builder.Services.AddAuthentication(TestBearerHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestBearerHandler>(TestBearerHandler.SchemeName, null);
        var app = builder.Build();
        app.UseAuthentication();
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

/// <summary>Stands in for JWT bearer validation: the token names the role it carries.</summary>
internal sealed class TestBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestBearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer role:", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, header["Bearer role:".Length..])], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
