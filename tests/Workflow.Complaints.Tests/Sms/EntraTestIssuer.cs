using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Workflow.Complaints.Tests.Sms;

/// <summary>
/// A Microsoft Entra stand-in on Kestrel (127.0.0.1, free port): OpenID Connect discovery and JWKS at the paths of
/// <c>login.microsoftonline.com/{tenant}/v2.0</c>, with an RSA key made for the test; it issues tokens signed with it.
/// </summary>
internal sealed class EntraTestIssuer : IAsyncDisposable
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string KeyId = "test-signing-key";

    private readonly WebApplication _app;
    private readonly RSA _key;

    private EntraTestIssuer(WebApplication app, RSA key, string tenantRoot)
    {
        _app = app;
        _key = key;
        TenantRoot = tenantRoot;
    }

    /// <summary><c>http://127.0.0.1:{port}/{tenant}</c>.</summary>
    public string TenantRoot { get; }

    /// <summary><c>http://127.0.0.1:{port}/{tenant}/v2.0</c>; also the issuer of its tokens.</summary>
    public string Authority => TenantRoot + "/v2.0";

    public int MetadataRequests { get; private set; }

    public static async Task<EntraTestIssuer> StartAsync()
    {
        var key = RSA.Create(2048);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        EntraTestIssuer? issuer = null;
        app.MapGet($"/{Tenant}/v2.0/.well-known/openid-configuration", (HttpContext context) =>
        {
            issuer!.MetadataRequests++;
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer.Authority,
                ["jwks_uri"] = issuer.TenantRoot + "/discovery/v2.0/keys",
                ["token_endpoint"] = issuer.TenantRoot + "/oauth2/v2.0/token",
                ["authorization_endpoint"] = issuer.TenantRoot + "/oauth2/v2.0/authorize",
            });
        });
        app.MapGet($"/{Tenant}/discovery/v2.0/keys", () =>
        {
            var parameters = key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                        ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        issuer = new EntraTestIssuer(app, key, $"{address.TrimEnd('/')}/{Tenant}");
        return issuer;
    }

    /// <summary>A v2 access token as Entra issues it to Event Grid's service principal for the webhook's app.</summary>
    /// <param name="audience">The token's <c>aud</c>.</param>
    /// <param name="appId">The caller (<c>azp</c>).</param>
    /// <param name="roles">The app roles the caller holds on the webhook's app.</param>
    /// <param name="expires">The token's <c>exp</c>; it was issued an hour before.</param>
    /// <param name="issuer">The token's <c>iss</c> (default: the authority).</param>
    /// <param name="signingKey">The key that signs it (default: the key the JWKS publishes).</param>
    public string Token(string audience, string appId, string[] roles, DateTimeOffset expires, string? issuer = null, RSA? signingKey = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["azp"] = appId,
            ["azpacr"] = "2",
            ["tid"] = Tenant,
            ["oid"] = "5f9c7a3e-42f4-4c55-9d4b-8a1c0e6f2b91",
            ["sub"] = "5f9c7a3e-42f4-4c55-9d4b-8a1c0e6f2b91",
            ["idtyp"] = "app",
            ["ver"] = "2.0",
            ["roles"] = roles,
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires.AddHours(-1).UtcDateTime,
            NotBefore = expires.AddHours(-1).UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey ?? _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }
}
