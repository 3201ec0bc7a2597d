using System.Diagnostics.Metrics;
using Workflow.Durable.Diagnostics;

namespace Workflow.Bench.Measurement;

/// <summary>
/// Collects the runtime's <c>durable.replay.duration</c> histogram (time to replay the history and run
/// one orchestration turn), in the order the turns ran.
/// </summary>
internal sealed class ReplayRecorder : IDisposable
{
    private const string InstrumentName = "durable.replay.duration";
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private List<double> _turns = [];

    public ReplayRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DurableTelemetry.Name && instrument.Name == InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_gate)
            {
                _turns.Add(value);
            }
        });
        _listener.Start();
    }

    /// <summary>Returns the turns recorded since the last call and starts a new recording.</summary>
    public IReadOnlyList<double> Take()
    {
        lock (_gate)
        {
            var taken = _turns;
            _turns = [];
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}
