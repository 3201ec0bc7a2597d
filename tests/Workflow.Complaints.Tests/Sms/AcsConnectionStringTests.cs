using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Complaints.Sms;
using Xunit;

namespace Workflow.Complaints.Tests.Sms;

public sealed class AcsConnectionStringTests(SmsStorageFixture storage)
{
    [Fact]
    public void Parse_EndpointAndKey_DecodesKeyAndKeepsOneTrailingSlash()
    {
        var parsed = AcsConnectionString.Parse("endpoint=https://contoso.communication.azure.com;accesskey=a2V5PQ==");

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), parsed.Endpoint);
        Assert.Equal("key="u8.ToArray(), parsed.AccessKey);
    }

    [Theory]
    [InlineData("accesskey=a2V5")]
    [InlineData("endpoint=not a uri;accesskey=a2V5")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=***")]
    [InlineData("garbage")]
    public void TryParse_Invalid_Refused(string value)
    {
        Assert.False(AcsConnectionString.TryParse(value, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task AddSms_ConnectionStringWithoutKey_UsesTheAcsSenderWithAToken()
    {
        await using var services = SmsServices.Build(storage.NewTables(), new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["Sms:ConnectionString"] = "endpoint=https://contoso.communication.azure.com/",
            ["Sms:From"] = "+18005550100",
        }, s => s.AddSingleton<TokenCredential>(new StaticTokenCredential()));

        Assert.IsType<AcsSmsSender>(services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public async Task StartupValidation_ConnectionStringWithoutFrom_Refused()
    {
        await using var services = SmsServices.Build(storage.NewTables(), new FakeTimeProvider(), new Dictionary<string, string?>
        {
            ["Sms:ConnectionString"] = "endpoint=https://contoso.communication.azure.com/;accesskey=a2V5",
        });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());

        Assert.Contains("Sms:From is required", error.Message, StringComparison.Ordinal);
    }

    private sealed class StaticTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
