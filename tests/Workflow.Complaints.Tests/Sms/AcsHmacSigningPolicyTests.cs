using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public class AcsHmacSigningPolicyTests
{
    // Vector computed outside .NET from the documented algorithm:
    //   key            = base64-decode("dGVzdC1hY2Nlc3Mta2V5LWZvci10aGUtc2lnbmVyLXZlY3Rvcg==")  ("test-access-key-for-the-signer-vector")
    //   body           = {"from":"+18005550100","message":"hi"}
    //   content hash   = base64(SHA-256(body)) = bWQ1+Kau4t0WrcMV6hjr3+83fCOyO1oDv1AxwuUC+kc=
    //   string to sign = "POST\n/sms?api-version=2021-03-07\nMon, 23 Nov 2026 10:00:00 GMT;contoso.communication.azure.com;bWQ1+Kau4t0WrcMV6hjr3+83fCOyO1oDv1AxwuUC+kc="
    //   signature      = base64(HMAC-SHA256(key, string to sign)) = cGSp58Y2HmbWE+crrMtAM6tRuJSd1a/tlPJFy9VjGDU=
    private const string Key = "dGVzdC1hY2Nlc3Mta2V5LWZvci10aGUtc2lnbmVyLXZlY3Rvcg==";
    private const string Body = "{\"from\":\"+18005550100\",\"message\":\"hi\"}";
    private const string ContentHash = "bWQ1+Kau4t0WrcMV6hjr3+83fCOyO1oDv1AxwuUC+kc=";
    private const string Date = "Mon, 23 Nov 2026 10:00:00 GMT";
    private const string Signature = "cGSp58Y2HmbWE+crrMtAM6tRuJSd1a/tlPJFy9VjGDU=";

    [Fact]
    public void StringToSign_DocumentedRequest_MatchesTheWrittenOutString()
    {
        var text = AcsHmacSigningPolicy.StringToSign("POST", "/sms?api-version=2021-03-07", Date, "contoso.communication.azure.com", ContentHash);

        Assert.Equal("POST\n/sms?api-version=2021-03-07\nMon, 23 Nov 2026 10:00:00 GMT;contoso.communication.azure.com;" + ContentHash, text);
    }

    [Fact]
    public void OnSendingRequest_DocumentedRequest_SetsHandComputedHeaders()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var policy = new AcsHmacSigningPolicy(Convert.FromBase64String(Key), time);
        var pipeline = HttpPipelineBuilder.Build(new AcsSmsClientOptions());
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        // The endpoint ends with '/': the signed path must be exactly the one sent, without '//'.
        message.Request.Uri.Reset(new Uri(new Uri("https://contoso.communication.azure.com/"), "sms?api-version=2021-03-07"));
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(Body));

        policy.OnSendingRequest(message);

        Assert.True(message.Request.Headers.TryGetValue("x-ms-date", out var date));
        Assert.Equal(Date, date);
        Assert.True(message.Request.Headers.TryGetValue("x-ms-content-sha256", out var hash));
        Assert.Equal(ContentHash, hash);
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=" + Signature, authorization);
    }

    [Fact]
    public void HashContent_EmptyBody_HashesTheEmptyString()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsHmacSigningPolicy.HashContent(null, CancellationToken.None));
    }
}
