using Workflow.Durable.Backend;

namespace Workflow.Durable.Tests.Contract;

/// <summary>Crashes a backend at random steps, reproducibly from a seed, up to a budget of crashes.</summary>
internal sealed class RandomFaults(int seed, double probability, int budget) : IFaultInjector
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly int _budget = budget;
    private int _left = budget;

    public int Crashes => _budget - _left;

    public HashSet<FaultPoint> PointsHit { get; } = [];

    public void OnStep(FaultPoint point, string instanceId)
    {
        lock (_gate)
        {
            if (_left == 0 || _random.NextDouble() >= probability)
            {
                return;
            }

            _left--;
            PointsHit.Add(point);
        }

        throw new SimulatedCrashException(point, instanceId);
    }
}

/// <summary>Crashes once at one given step of one instance's work.</summary>
internal sealed class CrashOnceAt(FaultPoint target) : IFaultInjector
{
    private int _done;

    public void OnStep(FaultPoint point, string instanceId)
    {
        if (point == target && Interlocked.Exchange(ref _done, 1) == 0)
        {
            throw new SimulatedCrashException(point, instanceId);
        }
    }
}
