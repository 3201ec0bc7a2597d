using Workflow.Complaints.Auth;

namespace Workflow.Complaints.Dashboard;

/// <summary>The operations dashboard (SPEC section 8). For now a signed-in landing page listing what exists.</summary>
public static class DashboardEndpoints
{
    /// <summary>Maps <c>GET /dashboard</c> for signed-in staff.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dashboard", () => Results.Content(Page, "text/html; charset=utf-8"))
            .RequireAuthorization(StaffRoles.StaffPolicy)
            .ExcludeFromDescription();
        return endpoints;
    }

    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Complaints operations</title>
        <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .25rem}</style>
        </head><body>
        <h1>Complaints operations</h1>
        <p>The live dashboard (counts, case list, case pages, workflow health) is being built. Until then these APIs are available to signed-in staff:</p>
        <ul>
        <li><code>GET /api/outbox/sms</code> &mdash; SMS the local outbox sender recorded</li>
        <li><code>GET /api/intake/poison</code> &mdash; refused queue intake messages (operations)</li>
        <li><code>GET /healthz</code> &mdash; host health</li>
        </ul>
        </body></html>
        """;
}
