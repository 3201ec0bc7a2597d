using System.Diagnostics;
using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public sealed class AcsSmsSenderTests(SmsStorageFixture storage) : IAsyncLifetime
{
    private const string Customer = "+8613812345678";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly SmsTables _tables = storage.NewTables();
    private FakeAcsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeAcsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_Accepted_SendsSignedRequestWithRepeatabilityAndDeliveryReport()
    {
        await using var services = Services();
        var sender = services.GetRequiredService<ISmsSender>();
        var message = new SmsMessage(Customer, "您的投诉已受理", "C-20261123-000001", SmsSteps.Acknowledgement, Essential: true);

        var result = await sender.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.IsType<AcsSmsSender>(sender);
        Assert.Equal(SmsSendStatus.Sent, result.Status);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(SmsRepeatability.IdFor("C-20261123-000001", SmsSteps.Acknowledgement).ToString("D"), request.RepeatabilityId);
        Assert.Equal("Mon, 23 Nov 2026 10:00:00 GMT", request.FirstSent);
        Assert.Equal("C-20261123-000001", request.Tag);
        Assert.True(request.DeliveryReport);
        Assert.Equal(_server.Delivered[request.RepeatabilityId!], result.MessageId);
        Assert.Equal(0, _server.Unauthorized);
    }

    [Fact]
    public async Task SendAsync_SameStepTwice_SendsOnceAndAnswersAlreadySent()
    {
        await using var services = Services();
        var sender = services.GetRequiredService<ISmsSender>();
        var message = new SmsMessage(Customer, "progress", "C-20261123-000002", SmsSteps.Progress);

        var first = await sender.SendAsync(message, TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, first.Status);
        Assert.Equal(SmsSendStatus.AlreadySent, second.Status);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendAsync_HostCrashesBetweenSendAndCheckpoint_RetryReusesIdAndFirstSentAndSendsOnce()
    {
        var message = new SmsMessage(Customer, "resolved", "C-20261123-000003", SmsSteps.Resolution, Essential: true);
        var crashing = new AcsSmsClientOptions();
        crashing.AddPolicy(new CrashAfterResponsePolicy(), HttpPipelinePosition.PerCall);
        await using (var crashed = Services(crashing))
        {
            await Assert.ThrowsAsync<HostCrashedException>(() => crashed.GetRequiredService<ISmsSender>().SendAsync(message, TestContext.Current.CancellationToken));
        }

        _time.Advance(TimeSpan.FromMinutes(7));
        await using var restarted = Services();
        var result = await restarted.GetRequiredService<ISmsSender>().SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, result.Status);
        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(requests[0].RepeatabilityId, requests[1].RepeatabilityId);
        Assert.Equal("Mon, 23 Nov 2026 10:00:00 GMT", requests[1].FirstSent);
        var delivered = Assert.Single(_server.Delivered);
        Assert.Equal(delivered.Value, result.MessageId);
    }

    [Fact]
    public async Task SendAsync_Throttled429WithoutRetryAfter_RetriesWithSameIdAndSucceeds()
    {
        await using var services = Services();
        _server.Scripted.Enqueue((HttpStatusCode.TooManyRequests, null));
        _server.Scripted.Enqueue((HttpStatusCode.TooManyRequests, null));

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "survey", "C-20261123-000004", SmsSteps.Survey), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, result.Status);
        Assert.Equal(3, _server.Arrivals.Count);
        Assert.Single(_server.Delivered);
    }

    [Fact]
    public async Task SendAsync_Throttled429WithRetryAfterSeconds_WaitsThatLong()
    {
        await using var services = Services();
        _server.Scripted.Enqueue((HttpStatusCode.TooManyRequests, "1"));
        var watch = Stopwatch.StartNew();

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "survey", "C-20261123-000005", SmsSteps.Survey), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, result.Status);
        Assert.Equal(2, _server.Arrivals.Count);
        // Only a lower bound: the configured back-off (10 ms) alone would retry at once.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_Throttled429WithRetryAfterDate_WaitsUntilThen()
    {
        await using var services = Services();
        // Whole seconds: two seconds ahead is at least one second away.
        _server.Scripted.Enqueue((HttpStatusCode.TooManyRequests, DateTimeOffset.UtcNow.AddSeconds(2).ToString("r", System.Globalization.CultureInfo.InvariantCulture)));
        var watch = Stopwatch.StartNew();

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "survey", "C-20261123-000006", SmsSteps.Survey), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, result.Status);
        Assert.Equal(2, _server.Arrivals.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableThenAccepted_RetriesAndSucceeds()
    {
        await using var services = Services();
        _server.Scripted.Enqueue((HttpStatusCode.ServiceUnavailable, null));

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "x", "C-20261123-000007", SmsSteps.Forwarded), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, result.Status);
        Assert.Equal(2, _server.Arrivals.Count);
    }

    [Fact]
    public async Task SendAsync_AlwaysUnavailable_ThrowsAfterRetriesAndStaysUnsent()
    {
        await using var services = Services();
        for (var i = 0; i < 10; i++)
        {
            _server.Scripted.Enqueue((HttpStatusCode.InternalServerError, null));
        }

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "x", "C-20261123-000008", SmsSteps.Forwarded), TestContext.Current.CancellationToken));

        Assert.Equal(500, error.Status);
        Assert.Equal(3, _server.Arrivals.Count);
        Assert.Empty(_server.Delivered);
    }

    [Fact]
    public async Task SendAsync_PerRecipientFailure_ReturnsFailedWithTheServiceReason()
    {
        await using var services = Services();
        _server.InvalidNumbers.Add(Customer);

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "x", "C-20261123-000009", SmsSteps.Forwarded), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Failed, result.Status);
        Assert.Equal(400, result.ProviderStatus);
        Assert.Equal("Invalid To phone number format.", result.Error);
        Assert.False(result.IsTransientFailure);
    }

    [Fact]
    public async Task SendAsync_WrongKey_ServiceRefusesWith401()
    {
        await using var services = Services(settings: new Dictionary<string, string?>
        {
            ["Sms:ConnectionString"] = $"endpoint={_server.Endpoint};accesskey={Convert.ToBase64String("wrong-key"u8.ToArray())}",
        });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "x", "C-20261123-000010", SmsSteps.Forwarded), TestContext.Current.CancellationToken));

        Assert.Equal(401, error.Status);
        Assert.Equal(1, _server.Unauthorized);
    }

    private ServiceProvider Services(AcsSmsClientOptions? clientOptions = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Sms:ConnectionString"] = _server.ConnectionString,
            ["Sms:From"] = "+18005550100",
            ["Sms:MaxRetries"] = "2",
            ["Sms:RetryDelay"] = "00:00:00.010",
            ["Sms:MaxRetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return SmsServices.Build(_tables, _time, all, services => services.AddSingleton(clientOptions ?? new AcsSmsClientOptions()));
    }

    private sealed class HostCrashedException : Exception
    {
        public HostCrashedException()
            : base("The host stopped after the service accepted the message.")
        {
        }
    }

    /// <summary>Lets the request reach the service, then fails as if the process died before the checkpoint.</summary>
    private sealed class CrashAfterResponsePolicy : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            throw new HostCrashedException();
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            throw new HostCrashedException();
        }
    }
}
