using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>Appends one entry to the case's timeline.</summary>
public sealed class AppendTimelineActivity(ICaseRecorder recorder) : TaskActivity<TimelineEntry, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, TimelineEntry input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await recorder.AppendTimelineAsync(input, context.CancellationToken).ConfigureAwait(false);
        return true;
    }
}
