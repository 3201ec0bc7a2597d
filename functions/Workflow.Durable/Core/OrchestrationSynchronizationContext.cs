namespace Workflow.Durable.Core;

/// <summary>
/// The orchestration's single-threaded scheduler. Continuations of awaited orchestration tasks are
/// posted here and run one at a time, in posting order, on the thread that replays the history: no
/// thread-pool scheduling, so a replay runs the same code in the same order every time.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _pending = new();

    public override void Post(SendOrPostCallback d, object? state) => _pending.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs posted continuations until none is left.</summary>
    public void RunPending()
    {
        while (_pending.TryDequeue(out var work))
        {
            work.Callback(work.State);
        }
    }
}
