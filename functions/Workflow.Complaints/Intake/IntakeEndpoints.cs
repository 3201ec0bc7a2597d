using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>The intake routes of SPEC section 11: the intake page, the submission API, public progress and the poison queue.</summary>
public static class IntakeEndpoints
{
    /// <summary>The rate-limiting policy of the submission route (per client address).</summary>
    public const string RateLimitPolicy = "intake";

    /// <summary>The header carrying a submission's idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string ComplaintsRoute = "/api/complaints";

    /// <summary>
    /// Maps <c>GET /</c>, <c>POST /api/complaints</c>, <c>GET /api/complaints/{caseNumber}</c> and the
    /// poison-queue routes under <c>/api/intake/poison</c>. The host must call <c>UseRateLimiter()</c>
    /// and should require the operations role on <see cref="IntakeRoutes.Operations"/>.
    /// </summary>
    public static IntakeRoutes MapIntake(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var pages = endpoints.MapGroup(string.Empty);
        pages.MapGet("/", (HttpContext context, IOptions<IntakeOptions> options) =>
            Html(IntakePage.RenderForm(IntakePage.LanguageOf(context.Request), new Dictionary<string, string?>(StringComparer.Ordinal), null, options.Value), StatusCodes.Status200OK))
            .ExcludeFromDescription();

        var api = endpoints.MapGroup(ComplaintsRoute);
        api.MapPost(string.Empty, SubmitAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .Produces<IntakeAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{caseNumber}", GetProgressAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .Produces<PublicProgress>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var operations = endpoints.MapPoisonMessages();
        return new IntakeRoutes(api, operations);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IntakeService intake, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var limit = options.Value.MaxRequestBytes;
        var isJson = request.HasJsonContentType();
        var isForm = request.HasFormContentType;
        var wantsHtml = isForm && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (!isJson && !isForm)
        {
            return Results.ValidationProblem(
                FieldErrors.ForBody("must be sent as application/json, application/x-www-form-urlencoded or multipart/form-data"),
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type");
        }

        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return Results.ValidationProblem(
                FieldErrors.ForBody($"must be at most {limit} bytes"),
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request too large");
        }

        var errors = new FieldErrors();
        ComplaintSubmission? submission;
        var echo = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (isJson)
        {
            submission = SubmissionReader.ReadJson(body, errors);
        }
        else
        {
            request.Body = new MemoryStream(body, writable: false);
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException)
            {
                return Results.ValidationProblem(FieldErrors.ForBody("is not a well-formed form post"));
            }

            submission = SubmissionReader.ReadForm(form, errors);
            foreach (var field in form)
            {
                echo[field.Key] = field.Value.ToString();
            }
        }

        var headerKey = request.Headers.TryGetValue(IdempotencyKeyHeader, out var key) && !string.IsNullOrWhiteSpace(key) ? key.ToString() : null;
        var outcome = await intake.SubmitAsync(submission, errors, "http", headerKey, null, cancellationToken);
        var language = IntakePage.LanguageOf(request, submission?.Language);
        if (!outcome.IsAccepted)
        {
            return wantsHtml
                ? Html(IntakePage.RenderForm(language, echo, outcome.Errors, options.Value), StatusCodes.Status400BadRequest)
                : Results.ValidationProblem(outcome.Errors, title: "The complaint was not accepted");
        }

        var statusUrl = $"{ComplaintsRoute}/{outcome.CaseNumber}";
        if (wantsHtml)
        {
            return Html(IntakePage.RenderAccepted(language, outcome.CaseNumber!, statusUrl), StatusCodes.Status202Accepted);
        }

        return Results.Accepted(statusUrl, new IntakeAccepted(outcome.CaseNumber!, statusUrl));
    }

    private static async Task<IResult> GetProgressAsync(string caseNumber, CaseStore store, CancellationToken cancellationToken)
    {
        // Only well-formed numbers reach storage, so the route cannot be used to probe keys.
        if (!CaseNumber.TryParse(caseNumber, out _))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case");
        }

        var found = await store.GetAsync(caseNumber, cancellationToken);
        return found is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case")
            : Results.Ok(PublicProgress.From(found));
    }

    private static HtmlPageResult Html(string html, int statusCode) =>
        new HtmlPageResult(html, statusCode);

    /// <summary>A server-rendered page with a strict content security policy (no scripts at all).</summary>
    private sealed class HtmlPageResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
