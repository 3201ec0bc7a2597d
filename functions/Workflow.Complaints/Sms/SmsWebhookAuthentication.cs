using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>
/// The Microsoft Entra bearer scheme of the Event Grid webhook. It is not a default scheme: only the webhook asks
/// it to authenticate, so staff sign-in is untouched and a token is worth nothing on any other route.
/// </summary>
public static class SmsWebhookAuthentication
{
    /// <summary>The JWT bearer scheme's name.</summary>
    public const string SchemeName = "SmsEventGridEntra";

    /// <summary>The app role Event Grid's token must carry (assigned to Event Grid's service principal on the webhook's app).</summary>
    public const string EventGridRole = "AzureEventGridSecureWebhookSubscriber";

    /// <summary>
    /// Adds the <see cref="SchemeName"/> JWT bearer scheme when <c>Sms:Inbound:Entra:Authority</c> is set: signature by a
    /// key of the authority's metadata, issuer, audience <c>Sms:Inbound:Entra:Audience</c> and lifetime are validated.
    /// </summary>
    internal static void AddSmsWebhookEntra(this IServiceCollection services, IConfiguration configuration)
    {
        var entra = new SmsInboundEntraOptions();
        configuration.GetSection(SmsOptions.SectionName).GetSection("Inbound").GetSection("Entra").Bind(entra);
        if (!entra.Enabled)
        {
            return;
        }

        // AddAuthentication() without a scheme leaves the host's default (staff Basic) as it is.
        services.AddAuthentication().AddJwtBearer(SchemeName, o =>
        {
            o.Authority = entra.Authority;
            o.Audience = entra.Audience;
            // Entra's claim names as issued ("roles", "azp", "appid"), not mapped to the WS-Federation URIs.
            o.MapInboundClaims = false;
            o.TokenValidationParameters.RoleClaimType = "roles";
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidateAudience = true;
            o.TokenValidationParameters.ValidateLifetime = true;
            o.TokenValidationParameters.RequireExpirationTime = true;
            o.TokenValidationParameters.RequireSignedTokens = true;
            if (entra.Issuers.Count > 0)
            {
                // The handler adds the metadata's issuer to these.
                o.TokenValidationParameters.ValidIssuers = [.. entra.Issuers];
            }
        });
    }

    /// <summary>
    /// <see cref="SmsWebhookToken.Accepted"/> when the request carries a bearer token the <see cref="SchemeName"/> scheme
    /// validates, with the <see cref="EventGridRole"/> role and, if a list is configured, an allowed caller app id;
    /// <see cref="SmsWebhookToken.Unavailable"/> when the authority's metadata (signing keys) cannot be fetched;
    /// otherwise <see cref="SmsWebhookToken.Refused"/> (also when Entra is not configured).
    /// </summary>
    internal static async Task<SmsWebhookToken> CheckAsync(HttpContext context, SmsInboundEntraOptions entra, ILogger logger)
    {
        // A host without authentication services has no scheme either.
        if (context.RequestServices.GetService<IAuthenticationSchemeProvider>() is not { } schemes || await schemes.GetSchemeAsync(SchemeName) is null
            || !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return SmsWebhookToken.Refused;
        }

        // The handler reads the same cached metadata; fetching it first tells an outage (Event Grid should redeliver) from a bad token.
        var jwt = context.RequestServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(SchemeName);
        try
        {
            await jwt.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            SmsLog.InboundTokenKeysUnavailable(logger, e);
            return SmsWebhookToken.Unavailable;
        }

        var result = await context.AuthenticateAsync(SchemeName);
        if (!result.Succeeded)
        {
            SmsLog.InboundTokenRejected(logger, result.Failure?.Message ?? "not authenticated");
            return SmsWebhookToken.Refused;
        }

        var user = result.Principal;
        if (!user.IsInRole(EventGridRole))
        {
            SmsLog.InboundTokenRejected(logger, $"no {EventGridRole} role");
            return SmsWebhookToken.Refused;
        }

        var appId = CallerAppId(user);
        if (entra.AllowedAppIds.Count > 0 && !entra.AllowedAppIds.Contains(appId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            SmsLog.InboundTokenRejected(logger, $"caller app {appId ?? "(none)"} not allowed");
            return SmsWebhookToken.Refused;
        }

        return SmsWebhookToken.Accepted;
    }

    private static string? CallerAppId(ClaimsPrincipal user) => user.FindFirst("azp")?.Value ?? user.FindFirst("appid")?.Value;
}

/// <summary>What the webhook's bearer token check found.</summary>
internal enum SmsWebhookToken
{
    /// <summary>No acceptable token: <c>401</c> unless the secret is right.</summary>
    Refused,

    /// <summary>A valid Event Grid token.</summary>
    Accepted,

    /// <summary>The authority's signing keys could not be fetched: <c>503</c>, so Event Grid redelivers.</summary>
    Unavailable,
}
