using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>
/// The webhook with <c>Sms:Inbound:Entra</c> configured: Event Grid's bearer tokens, signed by a key that a local
/// OpenID Connect issuer publishes, validated by the real JWT bearer handler.
/// </summary>
public sealed class SmsEventsEntraTests(SmsStorageFixture storage) : IAsyncLifetime
{
    private const string Audience = "api://complaints-sms-webhook";
    private const string EventGridAppId = "4962773b-9cdb-44cf-a8bf-237846a00ab7";
    private const string Delivery = "Microsoft.Communication.SMSDeliveryReportReceived";
    private const string V1Issuer = "https://sts.windows.net/" + EntraTestIssuer.Tenant + "/";
    private static readonly string[] EventGridRoles = [SmsWebhookAuthentication.EventGridRole];
    private EntraTestIssuer _issuer = null!;
    private SmsWebhookHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset InAnHour => DateTimeOffset.UtcNow.AddHours(1);

    public async ValueTask InitializeAsync()
    {
        _issuer = await EntraTestIssuer.StartAsync();
        _host = await SmsWebhookHost.StartAsync(
            storage.NewTables(),
            new Dictionary<string, string?>
            {
                ["Sms:Inbound:Entra:Authority"] = _issuer.Authority,
                ["Sms:Inbound:Entra:Audience"] = Audience,
                ["Sms:Inbound:Entra:Issuers:0"] = V1Issuer,
                ["Sms:Inbound:Entra:AllowedAppIds:0"] = EventGridAppId,
            },
            // The test issuer speaks plain HTTP on loopback; a deployment keeps the default (HTTPS metadata only).
            services => services.Configure<JwtBearerOptions>(SmsWebhookAuthentication.SchemeName, o => o.RequireHttpsMetadata = false));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Post_EventGridToken_DeliveryApplied()
    {
        using var response = await PostAsync(_issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = Assert.Single(_host.Reports.Reports);
        Assert.Equal("C-1", report.Tag);
        Assert.True(_issuer.MetadataRequests >= 1);
    }

    [Fact]
    public async Task Options_EventGridToken_HandshakeAnswered()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, SmsEventsEndpoints.Route);
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour));

        using var response = await _host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", Assert.Single(response.Headers.GetValues("WebHook-Allowed-Origin")));
    }

    [Fact]
    public async Task Post_ConfiguredExtraIssuer_Accepted()
    {
        using var response = await PostAsync(_issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour, issuer: V1Issuer));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_WrongAudience_Unauthorized() =>
        await AssertRefusedAsync(_issuer.Token("api://some-other-app", EventGridAppId, EventGridRoles, InAnHour));

    [Fact]
    public async Task Post_WrongIssuer_Unauthorized() =>
        await AssertRefusedAsync(_issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour, issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0"));

    [Fact]
    public async Task Post_ExpiredToken_Unauthorized() =>
        await AssertRefusedAsync(_issuer.Token(Audience, EventGridAppId, EventGridRoles, DateTimeOffset.UtcNow.AddMinutes(-30)));

    [Fact]
    public async Task Post_SignedWithAnotherKey_Unauthorized()
    {
        using var other = RSA.Create(2048);

        await AssertRefusedAsync(_issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour, signingKey: other));
    }

    [Fact]
    public async Task Post_TokenWithoutEventGridRole_Unauthorized() =>
        await AssertRefusedAsync(_issuer.Token(Audience, EventGridAppId, ["SomeOtherRole"], InAnHour));

    [Fact]
    public async Task Post_CallerAppNotAllowed_Unauthorized() =>
        await AssertRefusedAsync(_issuer.Token(Audience, "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", EventGridRoles, InAnHour));

    [Fact]
    public async Task Post_UnsignedToken_Unauthorized()
    {
        var signed = _issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour);
        var parts = signed.Split('.');
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        await AssertRefusedAsync($"{header}.{parts[1]}.");
    }

    [Fact]
    public async Task Post_NoTokenNoCode_Unauthorized() => await AssertRefusedAsync(token: null);

    [Fact]
    public async Task Post_SecretWithoutToken_StillAccepted()
    {
        using var response = await PostAsync(token: null, code: SmsWebhookHost.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_host.Reports.Reports);
    }

    [Fact]
    public async Task Post_AuthorityUnreachable_ServiceUnavailableSoEventGridRedelivers()
    {
        var token = _issuer.Token(Audience, EventGridAppId, EventGridRoles, InAnHour);
        var authority = _issuer.Authority;
        await _issuer.DisposeAsync();
        await using var host = await SmsWebhookHost.StartAsync(
            storage.NewTables(),
            new Dictionary<string, string?> { ["Sms:Inbound:Entra:Authority"] = authority, ["Sms:Inbound:Entra:Audience"] = Audience },
            services => services.Configure<JwtBearerOptions>(SmsWebhookAuthentication.SchemeName, o => o.RequireHttpsMetadata = false));
        using var request = new HttpRequestMessage(HttpMethod.Post, SmsEventsEndpoints.Route)
        {
            Content = new StringContent(SmsEventPayloads.EventGrid(Delivery, SmsEventPayloads.DeliveryReport("8613812345678", "Delivered", "C-1")), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await host.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(host.Reports.Reports);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0", null, "set together")]
    [InlineData(null, "api://complaints-sms-webhook", "set together")]
    [InlineData("login.microsoftonline.com/contoso", "api://complaints-sms-webhook", "absolute URI")]
    public async Task StartupValidation_IncompleteEntraSettings_Refused(string? authority, string? audience, string expected)
    {
        await using var services = SmsServices.Build(storage.NewTables(), new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["Sms:Inbound:Entra:Authority"] = authority,
            ["Sms:Inbound:Entra:Audience"] = audience,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(string? token)
    {
        using var response = await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Reports.Reports);
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string? code = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, code is null ? SmsEventsEndpoints.Route : $"{SmsEventsEndpoints.Route}?code={code}")
        {
            Content = new StringContent(SmsEventPayloads.EventGrid(Delivery, SmsEventPayloads.DeliveryReport("8613812345678", "Delivered", "C-1")), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _host.Client.SendAsync(request, Ct);
    }
}
