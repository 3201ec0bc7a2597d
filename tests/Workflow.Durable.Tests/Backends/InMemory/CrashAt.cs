using Workflow.Durable.Backend;

namespace Workflow.Durable.Tests.Backends.InMemory;

/// <summary>Crashes the first time the backend reaches one fault point, then never again.</summary>
internal sealed class CrashAt(FaultPoint point) : IFaultInjector
{
    private int crashed;

    public void OnStep(FaultPoint point1, string instanceId)
    {
        if (point1 == point && Interlocked.Exchange(ref crashed, 1) == 0)
        {
            throw new SimulatedCrashException(point1, instanceId);
        }
    }
}
