namespace Workflow.Durable.Backends.InMemory;

/// <summary>
/// Wakes every waiter once when work may have arrived; waiters then look again. Waiters take the
/// task while holding the backend's lock, before they release it, so no signal is lost.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource? current;

    public Task Waiter()
    {
        current ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return current.Task;
    }

    public void Pulse()
    {
        // Only allocate a new source when someone waits on the old one.
        var waiting = current;
        current = null;
        waiting?.TrySetResult();
    }
}
