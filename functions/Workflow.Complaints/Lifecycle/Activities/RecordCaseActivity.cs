using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>Writes the case row when a case opens.</summary>
public sealed class RecordCaseActivity(ICaseRecorder recorder) : TaskActivity<CaseRecord, bool>
{
    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, CaseRecord input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await recorder.RecordCaseAsync(input, context.CancellationToken).ConfigureAwait(false);
        return true;
    }
}
