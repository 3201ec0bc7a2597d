using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Retention;

/// <summary><c>GET /api/operations/retention</c> and <c>POST /api/operations/retention/run</c>.</summary>
public static class RetentionEndpoints
{
    /// <summary>The route of the run list.</summary>
    public const string Route = "/api/operations/retention";

    /// <summary>
    /// Maps the last runs with their counts (<c>?count=</c>) and "run now" (202 with the run; 409 naming the run
    /// in progress). Returns the group so the host can add authorization (operations).
    /// </summary>
    public static RouteGroupBuilder MapRetention(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Route);
        group.MapGet("", ListAsync).WithName("ListRetentionRuns");
        group.MapPost("/run", RunAsync).WithName("RunRetention");
        return group;
    }

    private static async Task<Results<Ok<RetentionReport>, ValidationProblem>> ListAsync(
        int? count, RetentionRuns runs, IOptions<RetentionOptions> options, CancellationToken ct)
    {
        var settings = options.Value;
        var size = count ?? settings.ListedRuns;
        if (size is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["count"] = ["must be between 1 and 1000"] });
        }

        var listed = await runs.ListAsync(size, ct);
        return TypedResults.Ok(new RetentionReport(settings.Enabled, settings.Interval, settings.HistoryDays, settings.CaseRecordDays, listed));
    }

    private static async Task<Results<Accepted<RetentionRun>, ProblemHttpResult>> RunAsync(ClaimsPrincipal user, RetentionJob job, CancellationToken ct)
    {
        var start = await job.TryStartAsync("manual:" + (user.Identity?.Name ?? "staff"), ct);
        if (!start.Started)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A retention run is in progress",
                detail: $"Run {start.RunningRunId} holds the retention lease; its counts appear at {Route} when it finishes.",
                extensions: new Dictionary<string, object?> { ["runningRunId"] = start.RunningRunId });
        }

        return TypedResults.Accepted(Route, start.Run);
    }
}

/// <summary>The retention settings in force and the last runs, newest first.</summary>
/// <param name="Enabled">Whether the scheduled job runs.</param>
/// <param name="Interval">Time between scheduled runs.</param>
/// <param name="HistoryDays">Days after closing when workflow history is purged.</param>
/// <param name="CaseRecordDays">Days after closing when the case record is purged.</param>
/// <param name="Runs">The runs.</param>
public sealed record RetentionReport(bool Enabled, TimeSpan Interval, int HistoryDays, int CaseRecordDays, IReadOnlyList<RetentionRun> Runs);
