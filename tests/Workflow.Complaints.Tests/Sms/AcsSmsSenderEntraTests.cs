using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>
/// A connection string without an access key: the sender signs in with a Microsoft Entra token for Communication
/// Services' scope, over TLS (the fake service listens on HTTPS with a certificate made for the test).
/// </summary>
public sealed class AcsSmsSenderEntraTests(SmsStorageFixture storage) : IAsyncLifetime
{
    private const string Token = "entra-access-token-for-tests";
    private readonly X509Certificate2 _certificate = SelfSignedLoopbackCertificate();
    private FakeAcsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeAcsServer.StartAsync(_certificate, Token);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task SendAsync_NoAccessKey_SendsWithTheEntraTokenForTheServiceScope()
    {
        var credential = new RecordingTokenCredential();
        using var transport = TrustingOnly(_certificate);
        await using var services = SmsServices.Build(storage.NewTables(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)), new Dictionary<string, string?>
        {
            ["Sms:ConnectionString"] = $"endpoint={_server.Endpoint}",
            ["Sms:From"] = "+18005550100",
        }, s => s
            .AddSingleton<TokenCredential>(credential)
            .AddSingleton(new AcsSmsClientOptions { Transport = new HttpClientTransport(transport) }));

        var result = await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage("+8613812345678", "您的投诉已受理", "C-20261123-000001", SmsSteps.Acknowledgement, Essential: true), TestContext.Current.CancellationToken);

        Assert.Equal(SmsSendStatus.Sent, result.Status);
        Assert.Equal(0, _server.Unauthorized);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(SmsRepeatability.IdFor("C-20261123-000001", SmsSteps.Acknowledgement).ToString("D"), request.RepeatabilityId);
        Assert.Equal([AcsSmsSender.TokenScope], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task SendAsync_TokenTheServiceRefuses_Unauthorized()
    {
        await using var other = await FakeAcsServer.StartAsync(_certificate, "some-other-token");
        using var transport = TrustingOnly(_certificate);
        await using var services = SmsServices.Build(storage.NewTables(), new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["Sms:ConnectionString"] = $"endpoint={other.Endpoint}",
            ["Sms:From"] = "+18005550100",
        }, s => s
            .AddSingleton<TokenCredential>(new RecordingTokenCredential())
            .AddSingleton(new AcsSmsClientOptions { Transport = new HttpClientTransport(transport) }));

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage("+8613812345678", "x", "C-20261123-000002", SmsSteps.Forwarded), TestContext.Current.CancellationToken));

        Assert.Equal(401, error.Status);
        Assert.Equal(1, other.Unauthorized);
    }

    private static HttpClient TrustingOnly(X509Certificate2 certificate) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            // Trust the test's own certificate and nothing else.
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        },
    });

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // A certificate loaded from PKCS#12 carries a key the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed class RecordingTokenCredential : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }

            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
