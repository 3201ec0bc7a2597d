using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Complaints.Auth;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Staff;
using Xunit;

namespace Workflow.Complaints.Tests.Hosting;

public sealed class HostTests(ComplaintsAppFactory app) : IClassFixture<ComplaintsAppFactory>
{
    // Routes anyone may call (SPEC section 11); every other route must refuse an anonymous caller.
    private static readonly HashSet<string> PublicRoutes = new(StringComparer.Ordinal)
    {
        "GET /", "GET /healthz", "POST /api/complaints", "GET /api/complaints/{caseNumber}",
        "POST /api/events/sms", "OPTIONS /api/events/sms",
    };

    [Fact]
    public async Task Healthz_HostStarted_ReportsOkWithTheDurableBackend()
    {
        using var client = app.CreateClient();

        var response = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Contains("\"status\":\"ok\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryNonPublicRoute_WithoutSignIn_IsRefused()
    {
        using var client = app.CreateClient();
        var routes = StaffRoutes();
        Assert.NotEmpty(routes);

        Assert.Contains(("GET", "/api/cases"), routes);
        Assert.Contains(("GET", "/api/cases/{caseNumber}"), routes);
        foreach (var (method, template) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(template));
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {template} answered {response.StatusCode} without sign-in");
        }
    }

    [Fact]
    public async Task OperationsRoutes_SignedInAsAgent_AreForbidden()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("agent", "agent-password");
        var operations = StaffRoutes(requiredPolicy: "operations");
        Assert.NotEmpty(operations);

        foreach (var (method, template) in operations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(template));
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {template} answered {response.StatusCode} to an agent");
        }
    }

    [Fact]
    public async Task EveryNonPublicRoute_SignedInWithoutARole_IsForbidden()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("visitor", TestUsers.Password);
        var routes = StaffRoutes();

        foreach (var (method, template) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(template));
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {template} answered {response.StatusCode} to a user without a role");
        }
    }

    [Fact]
    public async Task CaseHandlerRoutes_SignedInAsOperations_AreForbidden()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("ops", "ops-password");
        var handlerRoutes = StaffRoutes(requiredPolicy: StaffRoles.CaseHandlerPolicy);
        Assert.Contains(("POST", "/api/cases/{caseNumber}/{action}"), handlerRoutes);
        Assert.Contains(("GET", "/api/cases/{caseNumber}/customer"), handlerRoutes);

        foreach (var (method, template) in handlerRoutes)
        {
            foreach (var uri in Expand(template))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), uri);
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {uri} answered {response.StatusCode} to operations");
            }
        }
    }

    [Fact]
    public async Task SupervisorActions_SignedInAsAgent_AreForbiddenBeforeTheCaseIsLookedUp()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("agent", "agent-password");
        var supervisorOnly = CaseActionRoles.StaffActions.Where(a => !CaseActionRoles.RolesFor(a).Contains(StaffRoles.Agent)).ToList();
        Assert.Equal([CaseAction.Approve, CaseAction.Reject, CaseAction.FinalDecision], supervisorOnly);

        foreach (var action in supervisorOnly)
        {
            var response = await client.PostAsync(new Uri($"/api/cases/x/{action.ToName()}", UriKind.Relative), null);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action.ToName()} answered {response.StatusCode} to an agent");
        }

        // An action the agent may take gets past the role check to the case lookup.
        var forward = await client.PostAsync(new Uri("/api/cases/x/forward", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, forward.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WrongPassword_IsUnauthorized_RightPassword_IsOk()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("dev", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);

        client.DefaultRequestHeaders.Authorization = Basic("dev", "dev-password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/dashboard", UriKind.Relative))).StatusCode);
    }

    private List<(string Method, string Template)> StaffRoutes(string? requiredPolicy = null)
    {
        var sources = app.Services.GetServices<EndpointDataSource>();
        var routes = new List<(string, string)>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)["GET"])
            {
                if (PublicRoutes.Contains($"{method} {template}"))
                {
                    continue;
                }

                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
                if (requiredPolicy is null || policies.Contains(requiredPolicy))
                {
                    routes.Add((method, template));
                }
            }
        }

        return routes;
    }

    // A route with an {action} segment stands for every staff action.
    private static IEnumerable<Uri> Expand(string template) => template.Contains("{action}", StringComparison.Ordinal)
        ? CaseActionRoles.StaffActions.Select(a => Concrete(template.Replace("{action}", a.ToName(), StringComparison.Ordinal)))
        : [Concrete(template)];

    private static Uri Concrete(string template) =>
        new(System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", "x"), UriKind.Relative);

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
