using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Notifications;

/// <summary><c>GET /api/outbox/notifications</c>: what the notification outbox recorded.</summary>
public static class NotificationOutboxEndpoints
{
    /// <summary>The route.</summary>
    public const string Route = "/api/outbox/notifications";

    /// <summary>Items per page when the caller does not say.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>
    /// Maps the listing (<c>?caseNumber=&amp;role=&amp;state=held|due&amp;pageSize=&amp;continuationToken=</c>).
    /// Returns the endpoint's builder so the host can add authorization (staff only).
    /// </summary>
    public static RouteHandlerBuilder MapNotificationOutbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(Route, ListAsync).WithName("ListNotificationOutbox");
    }

    private static async Task<Results<Ok<StaffNotificationPage>, ValidationProblem>> ListAsync(
        TableOutboxNotifier outbox,
        string? caseNumber,
        string? role,
        string? state,
        int? pageSize,
        string? continuationToken,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > TableOutboxNotifier.MaxPageSize)
        {
            errors["pageSize"] = [$"must be between 1 and {TableOutboxNotifier.MaxPageSize}"];
        }

        if (caseNumber is not null && !CaseNumber.TryParse(caseNumber, out _))
        {
            errors["caseNumber"] = ["must be a case number C-yyyyMMdd-nnnnnn"];
        }

        if (role is not null && !StaffRoleNames.TryParse(role, out _))
        {
            errors["role"] = ["must be one of " + string.Join(", ", StaffRoleNames.All)];
        }

        if (state is not null and not (NotificationState.Held or NotificationState.Due))
        {
            errors["state"] = [$"must be {NotificationState.Held} or {NotificationState.Due}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The notification outbox query is not valid");
        }

        return TypedResults.Ok(await outbox.ListAsync(new NotificationQuery(caseNumber, role, state, size, continuationToken), ct));
    }
}
