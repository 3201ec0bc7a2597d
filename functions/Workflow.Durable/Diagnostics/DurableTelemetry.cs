using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Durable.Diagnostics;

/// <summary>
/// The runtime's OpenTelemetry sources: a span per orchestration turn and per activity, and metrics for
/// instances, activity durations, replay time and backlog. Subscribe with the source and meter name
/// <see cref="Name"/>.
/// </summary>
public static class DurableTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and the <see cref="Meter"/>.</summary>
    public const string Name = "Workflow.Durable";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> InstancesStarted = Meter.CreateCounter<long>("durable.instances.started", description: "Orchestration executions started.");
    internal static readonly Counter<long> InstancesCompleted = Meter.CreateCounter<long>("durable.instances.completed", description: "Orchestration executions completed.");
    internal static readonly Counter<long> InstancesFailed = Meter.CreateCounter<long>("durable.instances.failed", description: "Orchestration executions failed.");
    internal static readonly Counter<long> MessagesDiscarded = Meter.CreateCounter<long>("durable.messages.discarded", description: "Duplicate or stale messages discarded.");
    internal static readonly Histogram<double> ActivityDuration = Meter.CreateHistogram<double>("durable.activity.duration", "ms", "Activity run time.");
    internal static readonly Histogram<double> ReplayDuration = Meter.CreateHistogram<double>("durable.replay.duration", "ms", "Time to replay and run one orchestration turn.");
    internal static readonly UpDownCounter<long> WorkItemsInFlight = Meter.CreateUpDownCounter<long>("durable.workitems.inflight", description: "Work items being processed (the worker's backlog in hand).");
}
