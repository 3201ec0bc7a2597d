using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Workflow.Complaints.Sms;

/// <summary><c>GET /api/outbox/sms</c>: what the outbox sender "sent", newest first.</summary>
public static class SmsOutboxEndpoints
{
    /// <summary>The route.</summary>
    public const string Route = "/api/outbox/sms";

    /// <summary>Items per page when the caller does not say.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// Maps the listing (<c>?pageSize=&amp;continuationToken=</c>). Returns the endpoint's builder so the host
    /// can add authorization (staff only).
    /// </summary>
    public static RouteHandlerBuilder MapSmsOutbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(Route, ListAsync).WithName("ListSmsOutbox");
    }

    private static async Task<Results<Ok<SmsOutboxPage>, ValidationProblem>> ListAsync(
        OutboxSmsSender outbox,
        int? pageSize,
        string? continuationToken,
        CancellationToken ct)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > OutboxSmsSender.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["pageSize"] = [$"pageSize must be between 1 and {OutboxSmsSender.MaxPageSize}."],
            });
        }

        return TypedResults.Ok(await outbox.ListAsync(size, continuationToken, ct));
    }
}
