using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>Updates the case row's read-model fields (status, severity, department, next deadline, score).</summary>
public sealed class UpdateCaseActivity(ICaseRecorder recorder) : TaskActivity<CaseUpdate, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseUpdate input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await recorder.UpdateCaseAsync(input, context.CancellationToken).ConfigureAwait(false);
        return true;
    }
}
