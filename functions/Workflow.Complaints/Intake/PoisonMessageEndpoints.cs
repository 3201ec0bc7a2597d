using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Workflow.Complaints.Intake;

/// <summary>The operations routes over refused queue messages (SPEC section 11).</summary>
internal static class PoisonMessageEndpoints
{
    /// <summary>Maps <c>GET /api/intake/poison</c>, <c>POST .../{id}/requeue</c> and <c>DELETE .../{id}</c>.</summary>
    public static RouteGroupBuilder MapPoisonMessages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/intake/poison");
        group.MapGet(string.Empty, async (IntakeQueues queue, CancellationToken cancellationToken) =>
            Results.Ok(await queue.ListAsync(cancellationToken)))
            .Produces<IReadOnlyList<PoisonMessageView>>();
        group.MapPost("/{id}/requeue", async (string id, IntakeQueues queue, CancellationToken cancellationToken) =>
            await queue.RequeueAsync(id, cancellationToken) ? Results.NoContent() : NotFound(id))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}", async (string id, IntakeQueues queue, CancellationToken cancellationToken) =>
            await queue.DiscardAsync(id, cancellationToken) ? Results.NoContent() : NotFound(id))
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such poison message", detail: "No poison message has id " + id + ".");
}
