using Workflow.Durable.Backend;

namespace Workflow.Complaints.Hosting;

/// <summary>The liveness endpoint used by the container platform and by <c>./run</c>.</summary>
public static class HealthEndpoints
{
    /// <summary>
    /// Maps <c>GET /healthz</c>: 200 with the durable backend's kind and the process's memory (working set, managed
    /// heap) when the host is up.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (IOrchestrationBackend backend) =>
            TypedResults.Ok(new
            {
                status = "ok",
                backend = backend.GetType().Name,
                memory = new { workingSetBytes = Environment.WorkingSet, gcHeapBytes = GC.GetTotalMemory(forceFullCollection: false) },
            }))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return endpoints;
    }
}
