namespace Workflow.Bench.Shapes;

/// <summary>The sizes of the shapes: the full benchmark's (issue 3, section 5) or a smoke run's.</summary>
internal sealed record ShapeSizes(
    int SequentialActivities,
    int FanOutActivities,
    int Instances,
    int EventInstances,
    int Timers,
    TimeSpan TimerDelay,
    TimeSpan IdleBeforeTimer)
{
    public static ShapeSizes Full { get; } = new(100, 500, 500, 100, 200, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(35));

    public static ShapeSizes Quick { get; } = new(20, 100, 50, 20, 20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

    /// <summary>How long any one repetition may take before it is reported as stuck.</summary>
    public static TimeSpan RepetitionTimeout { get; } = TimeSpan.FromMinutes(3);
}
