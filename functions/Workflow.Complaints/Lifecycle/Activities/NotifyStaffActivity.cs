using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>Sends one staff notification through <see cref="INotifier"/>.</summary>
public sealed class NotifyStaffActivity(INotifier notifier) : TaskActivity<StaffNotification, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, StaffNotification input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await notifier.NotifyAsync(input, context.CancellationToken).ConfigureAwait(false);
        return true;
    }
}
