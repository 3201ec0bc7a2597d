using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public sealed class SmsEventsEndpointsTests(SmsStorageFixture storage) : IAsyncLifetime
{
    private const string Received = "Microsoft.Communication.SMSReceived";
    private const string Delivery = "Microsoft.Communication.SMSDeliveryReportReceived";
    private const string Customer = "+8613812345678";
    private SmsWebhookHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await SmsWebhookHost.StartAsync(storage.NewTables());

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_EventGridSubscriptionValidation_EchoesTheCode()
    {
        using var request = Post(SmsEventPayloads.SubscriptionValidation("512d38b6-c7b8-40c8-89fe-f46f9e9622b6"), "application/json");
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (string?)body!["validationResponse"]);
    }

    [Fact]
    public async Task Options_CloudEventsHandshake_AllowsTheOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, $"/api/events/sms?code={SmsWebhookHost.Secret}");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Options_WrongSecret_Unauthorized()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/events/sms?code=guess");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_SmsReceivedEventGridSchema_HandsNormalisedNumberToSurvey()
    {
        _host.Replies.AwaitingSurvey.Add(Customer);

        using var response = await PostAsync(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613812345678", "非常满意")), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_host.Replies.Calls);
        Assert.Equal(Customer, call.From);
        Assert.Equal("非常满意", call.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, 320, TimeSpan.Zero), call.ReceivedAt);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task Post_SmsReceivedCloudEvents_HandsNormalisedNumberToSurvey()
    {
        _host.Replies.AwaitingSurvey.Add(Customer);

        using var response = await PostAsync(SmsEventPayloads.CloudEvents(Received, SmsEventPayloads.Received("+8613812345678", "4")), "application/cloudevents-batch+json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(_host.Replies.Calls);
        Assert.Equal(Customer, call.From);
        Assert.Equal("4", call.Text);
    }

    [Fact]
    public async Task Post_DeliveryReportEventGridSchema_ReachesTheSinkWithTag()
    {
        using var response = await PostAsync(SmsEventPayloads.EventGrid(Delivery, SmsEventPayloads.DeliveryReport("8613812345678", "Delivered", "C-20261123-000501")), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = Assert.Single(_host.Reports.Reports);
        Assert.Equal(Customer, report.To);
        Assert.Equal("Delivered", report.Status);
        Assert.Equal("C-20261123-000501", report.Tag);
        Assert.Equal("Outgoing_20261123100000d29ebbea-3341-4466-9690-0a03af35228e", report.MessageId);
    }

    [Fact]
    public async Task Post_DeliveryReportCloudEvents_ReachesTheSink()
    {
        using var response = await PostAsync(SmsEventPayloads.CloudEvents(Delivery, SmsEventPayloads.DeliveryReport("+8613812345678", "Failed", "C-20261123-000502")), "application/cloudevents-batch+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = Assert.Single(_host.Reports.Reports);
        Assert.Equal("Failed", report.Status);
        Assert.Equal("Sender blocked for given recipient.", report.StatusDetails);
        Assert.Equal("C-20261123-000502", report.Tag);
    }

    [Theory]
    [InlineData("?code=guess")]
    [InlineData("")]
    [InlineData("?code=")]
    public async Task Post_WrongOrMissingSecret_Unauthorized(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/sms" + query)
        {
            Content = new StringContent(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613812345678", "5")), Encoding.UTF8, "application/json"),
        };

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Replies.Calls);
    }

    [Fact]
    public async Task Post_OldSecretDuringRotation_Accepted()
    {
        using var response = await PostAsync(SmsEventPayloads.EventGrid(Delivery, SmsEventPayloads.DeliveryReport("8613812345678", "Delivered", "C-1")), "application/json", SmsWebhookHost.OldSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_BearerTokenWithoutEntraConfigured_Unauthorized()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events/sms")
        {
            Content = new StringContent(SmsEventPayloads.EventGrid(Delivery, SmsEventPayloads.DeliveryReport("8613812345678", "Delivered", "C-1")), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJBenVyZUV2ZW50R3JpZFNlY3VyZVdlYmhvb2tTdWJzY3JpYmVyIl19.");

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Reports.Reports);
    }

    [Theory]
    [InlineData("not json", "application/json")]
    [InlineData("{\"id\":\"1\"}", "application/json")]
    [InlineData("[{\"id\":\"1\",\"eventType\":\"Microsoft.Communication.SMSReceived\"}]", "application/json")]
    [InlineData("[{\"specversion\":\"1.0\",\"id\":\"1\"}]", "application/cloudevents-batch+json")]
    [InlineData("", "application/json")]
    public async Task Post_MalformedBody_BadRequest(string body, string contentType)
    {
        using var response = await PostAsync(body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownNumber_AnswersWithOneHelpSmsPerDay()
    {
        await PostOkAsync(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613912345678", "hello?")));
        await PostOkAsync(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613912345678", "anyone there?")));
        var sameDay = await OutboxAsync();
        _host.Time.Advance(TimeSpan.FromDays(1));
        await PostOkAsync(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613912345678", "hello again")));
        var nextDay = await OutboxAsync();

        var help = Assert.Single(sameDay);
        Assert.Equal(SmsSteps.Help, help["step"]!.GetValue<string>().Split('/')[0]);
        Assert.Equal("*********5678", (string?)help["to"]);
        Assert.StartsWith("Sorry, we could not read your reply.", (string?)help["body"], StringComparison.Ordinal);
        Assert.Equal(2, nextDay.Count);
    }

    [Fact]
    public async Task Post_UnparsableReplyToOpenSurvey_AnswersWithChineseHelp()
    {
        _host.Replies.AwaitingSurvey.Add(Customer);

        await PostOkAsync(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613812345678", "你们什么时候退款")));

        var help = Assert.Single(await OutboxAsync());
        Assert.StartsWith("【投诉服务】", (string?)help["body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DuplicateDelivery_AppliedOnce()
    {
        _host.Replies.AwaitingSurvey.Add(Customer);
        var body = SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613812345678", "5"), id: "dup-" + Guid.NewGuid());

        await PostOkAsync(body);
        await PostOkAsync(body);

        Assert.Single(_host.Replies.Calls);
    }

    [Fact]
    public async Task Post_EventClaimedByAProcessThatDied_RefusedWhileFreshThenTakenOver()
    {
        _host.Replies.AwaitingSurvey.Add(Customer);
        var id = "crashed-" + Guid.NewGuid();
        var body = SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613812345678", "2"), id);
        // Another process claimed the event and died before applying it.
        await _host.Services.GetRequiredService<SmsInboundEventLog>().TryBeginAsync(id, Received, Ct);

        using var whileFresh = await PostAsync(body, "application/json");
        _host.Time.Advance(TimeSpan.FromMinutes(3));
        using var afterTimeout = await PostAsync(body, "application/json");
        using var again = await PostAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileFresh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterTimeout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("2", Assert.Single(_host.Replies.Calls).Text);
    }

    [Fact]
    public async Task Post_StopThenStart_OptsOutWithConfirmationThenBackIn()
    {
        var optOuts = _host.Services.GetRequiredService<SmsOptOutStore>();

        await PostOkAsync(SmsEventPayloads.EventGrid(Received, SmsEventPayloads.Received("8613812345678", "退订")));
        var afterStop = await optOuts.IsOptedOutAsync(Customer, Ct);
        var survey = await _host.Services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Customer, "survey", "C-20261123-000601", SmsSteps.Survey), Ct);
        await PostOkAsync(SmsEventPayloads.CloudEvents(Received, SmsEventPayloads.Received("8613812345678", "START")));

        Assert.True(afterStop);
        Assert.Equal(SmsSendStatus.SkippedOptedOut, survey.Status);
        Assert.False(await optOuts.IsOptedOutAsync(Customer, Ct));
        Assert.Empty(_host.Replies.Calls);
        var confirmation = Assert.Single(await OutboxAsync());
        Assert.StartsWith("您已退订", (string?)confirmation["body"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOutbox_BadPageSize_ValidationProblem()
    {
        using var response = await _host.Client.GetAsync("/api/outbox/sms?pageSize=0", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static HttpRequestMessage Post(string body, string contentType, string secret = SmsWebhookHost.Secret)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(HttpMethod.Post, $"/api/events/sms?code={secret}") { Content = content };
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType, string secret = SmsWebhookHost.Secret)
    {
        using var request = Post(body, contentType, secret);
        return await _host.Client.SendAsync(request, Ct);
    }

    private async Task PostOkAsync(string body)
    {
        using var response = await PostAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<JsonNode>> OutboxAsync()
    {
        var page = await _host.Client.GetFromJsonAsync<JsonObject>("/api/outbox/sms", Ct);
        return [.. page!["items"]!.AsArray().Select(i => i!)];
    }
}
