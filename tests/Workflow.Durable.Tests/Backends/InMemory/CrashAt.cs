using Workflow.Durable.Backend;

namespace Workflow.Durable.Tests.Backends.InMemory;

/// <summary>Crashes the first time the backend reaches one fault point, then never again.</summary>
internal sealed class CrashAt(FaultPoint crashPoint) : IFaultInjector
{
    private int crashed;

    public void OnStep(FaultPoint point, string instanceId)
    {
        if (point == crashPoint && Interlocked.Exchange(ref crashed, 1) == 0)
        {
            throw new SimulatedCrashException(point, instanceId);
        }
    }
}
