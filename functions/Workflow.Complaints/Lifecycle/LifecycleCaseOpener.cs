using Microsoft.Extensions.Options;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Triage;
using Workflow.Durable;
using Workflow.Durable.Backend;
using Workflow.Durable.Client;

namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// The <see cref="ICaseOpener"/> that makes an accepted submission travel its life: records it in the case store
/// (as <see cref="StoreOnlyCaseOpener"/> does) and starts its <see cref="ComplaintLifecycleOrchestrator"/> with the
/// case number as instance id. Idempotent: a repeat finds the case recorded and the instance started.
/// </summary>
public sealed class LifecycleCaseOpener(
    CaseStore store,
    DurableTaskClient client,
    IOptions<TriageOptions> triage,
    ILogger<LifecycleCaseOpener> logger) : ICaseOpener
{
    /// <inheritdoc />
    public async Task OpenAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        await new StoreOnlyCaseOpener(store).OpenAsync(newCase, cancellationToken);
        var submission = newCase.Submission;
        var phone = submission.Phone ?? throw new ArgumentException("An accepted submission has a phone number.", nameof(newCase));

        // Repeat detection (SPEC 2, level 1): the same number's other cases opened within the window.
        var recent = await store.FindRecentByPhoneAsync(phone, newCase.ReceivedAt - triage.Value.RepeatWindow, cancellationToken);
        var others = recent.Count(c => c.CaseNumber != newCase.CaseNumber);

        var opened = new CaseOpened(newCase.CaseNumber, submission.Language, new TriageInput(
            CaseTypeNames.TryParse(submission.Type, out var type) ? type : CaseType.Complaint,
            submission.Description ?? string.Empty,
            submission.Product,
            submission.Region,
            submission.BusinessLine,
            submission.Request?.Kind,
            submission.Request?.Amount,
            submission.Request?.Currency,
            submission.AboutStaff,
            submission.Channel,
            RecentCaseCount: others));
        // A case whose life already ended must not start again (the runtime only refuses running ids).
        if (await client.GetInstanceAsync(newCase.CaseNumber, cancellationToken: cancellationToken) is not null)
        {
            LifecycleLog.AlreadyStarted(logger, newCase.CaseNumber);
            return;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ComplaintLifecycleOrchestrator), opened, new StartOrchestrationOptions { InstanceId = newCase.CaseNumber }, cancellationToken);
            LifecycleLog.Started(logger, newCase.CaseNumber);
        }
        catch (InstanceAlreadyExistsException)
        {
            // A repeated submission whose first attempt got this far: the case's life is already under way.
            LifecycleLog.AlreadyStarted(logger, newCase.CaseNumber);
        }
    }
}
