using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Auth;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Triage;
using Workflow.Durable.Client;

namespace Workflow.Complaints.Staff;

/// <summary>
/// The staff case API (SPEC section 11): list, read, the audited read of a customer record, and the actions.
/// An action is checked in this order: the route names a staff action (404), the user's roles allow it (403),
/// the body is well-formed JSON (400), the case exists (404), the fields are valid for the action (400), a
/// level-2 case's outbound wording comes from a reviewer (403), the case's state allows it by
/// <see cref="CaseTransitions"/> (409). Then it is raised as the matching <see cref="LifecycleEvents"/> event on
/// the case's orchestration (instance id = case number) and answered 202.
/// </summary>
/// <remarks>
/// The state is read from the case row, not from the orchestration's custom status: the orchestration writes
/// the row (<c>UpdateCaseActivity</c>) before it publishes the custom status at its next wait, so the row is
/// never older than the custom status, and it is one point read. Both lag an event that was accepted but not
/// yet handled; the orchestration checks every event against the same table again and records a refused
/// one on the timeline (<c>refused</c>), so a race between two staff members cannot move a case wrongly.
/// </remarks>
public static class StaffCaseEndpoints
{
    /// <summary>The route prefix.</summary>
    public const string Route = "/api/cases";

    /// <summary>The largest action body accepted.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// Maps <c>GET /api/cases</c>, <c>GET /api/cases/{caseNumber}</c> (any staff role),
    /// <c>GET /api/cases/{caseNumber}/customer?reason=</c> and <c>POST /api/cases/{caseNumber}/{action}</c>
    /// (<see cref="StaffRoles.CaseHandlerPolicy"/>, and per action <see cref="CaseActionRoles"/>).
    /// </summary>
    public static RouteGroupBuilder MapStaffCases(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Route).RequireAuthorization(StaffRoles.StaffPolicy);
        group.MapGet("", ListAsync).WithName("ListCases");
        group.MapGet("/{caseNumber}", GetAsync).WithName("GetCase");
        group.MapGet("/{caseNumber}/customer", GetCustomerAsync).WithName("GetCustomerRecord")
            .RequireAuthorization(StaffRoles.CaseHandlerPolicy);
        group.MapPost("/{caseNumber}/{action}", ActAsync).WithName("ActOnCase")
            .RequireAuthorization(StaffRoles.CaseHandlerPolicy);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, CaseStore store, TimeProvider time, IOptions<CaseStoreOptions> options, CancellationToken ct)
    {
        var (query, errors) = CaseListParameters.Parse(request.Query, time.GetUtcNow(), options.Value.MaxPageSize);
        if (!errors.IsEmpty)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: "The case list query is not valid");
        }

        return Results.Ok(await store.ListAsync(query!, ct));
    }

    private static async Task<IResult> GetAsync(string caseNumber, CaseStore store, DurableTaskClient client, CancellationToken ct)
    {
        var stored = await store.GetAsync(caseNumber, ct);
        if (stored is null)
        {
            return NoSuchCase(caseNumber);
        }

        var timeline = await store.GetTimelineAsync(caseNumber, ct);
        var instance = await client.GetInstanceAsync(caseNumber, cancellationToken: ct);
        var lifecycle = instance?.ReadCustomStatusAs<LifecycleStatus>();
        var status = StatusOf(stored);
        var allowed = CaseActionRoles.StaffActions.Where(a => CaseTransitions.IsAllowed(status, a)).Select(a => a.ToName()).ToList();
        return Results.Ok(CaseView.From(stored, timeline, lifecycle, allowed));
    }

    private static async Task<IResult> GetCustomerAsync(string caseNumber, string? reason, ClaimsPrincipal user, CaseStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length is < 3 or > 200)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = ["is required (3-200 characters): why the full customer record is read; it is written to the audit log"],
            });
        }

        if (await store.GetAsync(caseNumber, ct) is null)
        {
            return NoSuchCase(caseNumber);
        }

        var record = await store.GetCustomerRecordAsync(caseNumber, ActorOf(user), reason.Trim(), ct);
        return record is null ? NoSuchCase(caseNumber) : Results.Ok(record);
    }

    private static async Task<IResult> ActAsync(
        string caseNumber,
        string action,
        HttpRequest request,
        ClaimsPrincipal user,
        CaseStore store,
        DurableTaskClient client,
        CaseActionValidator validator,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        if (!CaseActionNames.TryParse(action, out var act) || !CaseActionRoles.StaffActions.Contains(act))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such action",
                detail: "Actions: " + string.Join(", ", CaseActionRoles.StaffActions.Select(a => a.ToName())));
        }

        var actor = ActorOf(user);
        if (!CaseActionRoles.Allows(user, act))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not allow this action",
                detail: $"'{act.ToName()}' needs one of the roles {string.Join(", ", CaseActionRoles.RolesFor(act))}.");
        }

        var (body, bodyError) = await ReadBodyAsync(request, ct);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var stored = await store.GetAsync(caseNumber, ct);
        if (stored is null)
        {
            return NoSuchCase(caseNumber);
        }

        var (errors, data) = validator.Validate(act, body!, stored, actor);
        if (!errors.IsEmpty)
        {
            return Results.ValidationProblem(errors.ToDictionary(), title: $"The '{act.ToName()}' action is not valid");
        }

        var log = loggers.CreateLogger(typeof(StaffCaseEndpoints).FullName!);
        if (stored.Level >= (int)EscalationLevel.Level2 && CaseActionRoles.ReviewedOnLevel2.Contains(act) && !CaseActionRoles.IsOutboundReviewer(user))
        {
            StaffLogs.ReviewRequired(log, caseNumber, act.ToName(), actor);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Level-2 case: outbound wording is reviewed",
                detail: $"On a level-2 case '{act.ToName()}' sends staff wording to the customer; a risk/PR reviewer ({StaffRoles.RiskPr}) records it after review.");
        }

        var status = StatusOf(stored);
        if (!CaseTransitions.IsAllowed(status, act))
        {
            StaffLogs.ActionRefused(log, caseNumber, act.ToName(), actor, status.ToName());
            var refused = new InvalidCaseTransitionException(status, act);
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case's state does not allow this action",
                detail: refused.Message, extensions: new Dictionary<string, object?>
                {
                    ["caseStatus"] = status.ToName(),
                    ["action"] = act.ToName(),
                    ["allowedActions"] = CaseActionRoles.StaffActions.Where(a => CaseTransitions.IsAllowed(status, a)).Select(a => a.ToName()).ToArray(),
                });
        }

        if (CaseTransitions.IsFinished(status))
        {
            // Only a note is allowed on a finished case, and its orchestration has ended: the note goes to the timeline.
            await store.AppendTimelineAsync(caseNumber, new Cases.TimelineEntry(time.GetUtcNow(), TimelineKinds.Action, actor, "note: " + data!.Reason), ct);
        }
        else
        {
            await client.RaiseEventAsync(caseNumber, LifecycleEvents.ForAction(act)!, data, ct);
        }

        StaffLogs.ActionAccepted(log, caseNumber, act.ToName(), actor, status.ToName());
        var url = $"{Route}/{Uri.EscapeDataString(caseNumber)}";
        return Results.Accepted(url, new CaseActionAccepted(caseNumber, act.ToName(), status.ToName(), url));
    }

    private static async Task<(CaseActionRequest? Body, IResult? Error)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBodyBytes} bytes"));
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBodyBytes} bytes"));
        }

        if (buffer.Length == 0)
        {
            return (new CaseActionRequest(), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON (application/json)"));
        }

        try
        {
            var body = JsonSerializer.Deserialize<CaseActionRequest>(buffer.ToArray(), BodyJson);
            return body is null
                ? (null, Results.ValidationProblem(FieldErrors.ForBody("must be a JSON object")))
                : (body, null);
        }
        catch (JsonException bad)
        {
            var field = bad.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : FieldErrors.Body;
            return (null, Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [field] = [bad.Path is null || field == FieldErrors.Body ? "is not well-formed JSON of the expected shape" : "is not a known field or has the wrong type"],
            }));
        }
    }

    private static CaseStatus StatusOf(Case stored) =>
        CaseStatusNames.TryParse(stored.Status, out var status) ? status : CaseStatus.Open;

    private static string ActorOf(ClaimsPrincipal user) => user.Identity?.Name ?? "staff";

    private static IResult NoSuchCase(string caseNumber) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"There is no case {caseNumber}.");
}
