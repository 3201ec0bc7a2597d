using Workflow.Complaints.Triage;
using Workflow.Durable;

namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>
/// Triages a new case. An activity, not orchestrator code, so a change of the keyword or routing
/// configuration never changes the result on replay.
/// </summary>
public sealed class TriageCaseActivity(CaseTriage triage) : TaskActivity<TriageInput, TriageResult>
{
    /// <inheritdoc />
    public override Task<TriageResult> RunAsync(TaskActivityContext context, TriageInput input) =>
        Task.FromResult(triage.Assess(input));
}
