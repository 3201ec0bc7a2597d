using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>The Event Grid webhook for inbound SMS and delivery reports: <c>POST /api/events/sms</c>.</summary>
public static class SmsEventsEndpoints
{
    /// <summary>The webhook's route.</summary>
    public const string Route = "/api/events/sms";

    /// <summary>
    /// Maps the webhook: the CloudEvents <c>OPTIONS</c> handshake and the <c>POST</c> that takes deliveries in
    /// either schema. Both require <c>?code=</c> to match one of <c>Sms:Inbound:Secrets</c>, or (with
    /// <c>Sms:Inbound:Entra</c> configured) a Microsoft Entra bearer token that <see cref="SmsWebhookAuthentication"/> accepts.
    /// </summary>
    public static IEndpointRouteBuilder MapSmsEvents(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // The webhook checks its own secret or token, so a host-wide fallback policy must not demand a staff sign-in.
        endpoints.MapMethods(Route, [HttpMethods.Options], Handshake).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(Route, ReceiveAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> Handshake(HttpContext context, IOptionsMonitor<SmsOptions> options, ILogger<SmsInboundProcessor> logger)
    {
        if (await AuthorizedAsync(context, options.CurrentValue, logger) is { } refused)
        {
            return refused;
        }

        var origin = context.Request.Headers["WebHook-Request-Origin"].ToString();
        if (string.IsNullOrWhiteSpace(origin))
        {
            return Results.BadRequest();
        }

        context.Response.Headers["WebHook-Allowed-Origin"] = origin;
        context.Response.Headers.Allow = HttpMethods.Post;
        SmsLog.SubscriptionValidated(logger);
        return Results.Ok();
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext context,
        SmsInboundProcessor processor,
        SmsInboundEventLog eventLog,
        IOptionsMonitor<SmsOptions> options,
        ILogger<SmsInboundProcessor> logger)
    {
        var request = context.Request;
        var ct = context.RequestAborted;
        if (await AuthorizedAsync(context, options.CurrentValue, logger) is { } refused)
        {
            return refused;
        }

        IReadOnlyList<SmsInboundEvent> events;
        try
        {
            var body = await BinaryData.FromStreamAsync(request.Body, ct);
            events = SmsEventParser.Parse(body, request.ContentType);
        }
        catch (FormatException e)
        {
            SmsLog.InboundMalformed(logger, e.Message);
            return Results.BadRequest();
        }

        if (events.FirstOrDefault(e => e.ValidationCode is not null) is { } validation)
        {
            SmsLog.SubscriptionValidated(logger);
            return Results.Json(new Dictionary<string, string> { ["validationResponse"] = validation.ValidationCode! });
        }

        var busy = false;
        foreach (var inbound in events)
        {
            if (inbound.Received is null && inbound.DeliveryReport is null)
            {
                SmsLog.InboundIgnored(logger, inbound.Type);
                continue;
            }

            switch (await eventLog.TryBeginAsync(inbound.Id, inbound.Type, ct))
            {
                case SmsInboundClaim.Duplicate:
                    SmsLog.InboundDuplicate(logger, inbound.Id);
                    break;
                case SmsInboundClaim.InProgress:
                    busy = true;
                    break;
                default:
                    await ApplyAsync(inbound, processor, eventLog, ct);
                    break;
            }
        }

        // Event Grid redelivers on 503; events of this batch already applied will then be duplicates.
        return busy ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Results.Ok();
    }

    private static async Task ApplyAsync(SmsInboundEvent inbound, SmsInboundProcessor processor, SmsInboundEventLog eventLog, CancellationToken ct)
    {
        try
        {
            if (inbound.Received is { } sms)
            {
                await processor.ReceiveAsync(sms.MessageId, sms.From, sms.Text, sms.ReceivedAt, ct);
            }
            else if (inbound.DeliveryReport is { } report)
            {
                await processor.ReportAsync(report, ct);
            }

            await eventLog.CompleteAsync(inbound.Id, ct);
        }
        catch (Exception)
        {
            // Release the claim so Event Grid's redelivery of this event is applied, then fail the request.
            await eventLog.ForgetAsync(inbound.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Null when the secret or the token admits the request, else the answer: <c>401</c>, or <c>503</c> while the token cannot be checked.</summary>
    private static async Task<IResult?> AuthorizedAsync(HttpContext context, SmsOptions options, ILogger logger)
    {
        if (SmsInboundSecret.IsValid(context.Request.Query[SmsInboundSecret.QueryName].ToString(), options.Inbound.Secrets))
        {
            return null;
        }

        switch (await SmsWebhookAuthentication.CheckAsync(context, options.Inbound.Entra, logger))
        {
            case SmsWebhookToken.Accepted:
                return null;
            case SmsWebhookToken.Unavailable:
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            default:
                SmsLog.InboundUnauthorized(logger);
                return Results.Unauthorized();
        }
    }
}
