using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Sms;
using Workflow.Durable;
using Workflow.Durable.Client;

namespace Workflow.Complaints.Survey;

/// <summary>
/// Matches an SMS reply to the sender's case whose orchestration waits for the survey answer: the sender's
/// cases opened within <see cref="SmsInboundOptions.SurveyLookBack"/> (one range read of the case store's
/// phone-hash index), most recent first; the first whose orchestration is running and says it awaits the
/// survey gets the parsed score as <see cref="LifecycleEvents.SurveyReplied"/>.
/// </summary>
public sealed class CaseSurveyReplyHandler(
    CaseStore store,
    DurableTaskClient client,
    IOptionsMonitor<SmsOptions> options,
    ILogger<CaseSurveyReplyHandler> logger) : ISurveyReplyHandler
{
    /// <summary>Who a survey answer comes from, as the timeline shows it.</summary>
    public const string Customer = "customer";

    /// <inheritdoc />
    public async Task<SurveyReplyOutcome> HandleAsync(string fromE164, string text, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromE164);
        ArgumentNullException.ThrowIfNull(text);
        var masked = SmsPhoneNumber.Mask(fromE164);
        var since = receivedAt - options.CurrentValue.Inbound.SurveyLookBack;
        var cases = await store.FindRecentByPhoneAsync(fromE164, since, ct).ConfigureAwait(false);
        var caseNumber = await AwaitingSurveyAsync(cases, ct).ConfigureAwait(false);
        if (caseNumber is null)
        {
            SurveyLog.NoOpenSurvey(logger, masked, cases.Count, since);
            return SurveyReplyOutcome.NoOpenSurvey;
        }

        if (SurveyReplyParser.Parse(text) is not { } score)
        {
            SurveyLog.Unparsable(logger, masked, caseNumber);
            return SurveyReplyOutcome.Unparsable;
        }

        await client.RaiseEventAsync(caseNumber, LifecycleEvents.SurveyReplied, new CaseEventData(Actor: Customer, Score: score.Value), ct)
            .ConfigureAwait(false);
        SurveyLog.Recorded(logger, masked, caseNumber, score.Value);
        return SurveyReplyOutcome.Recorded;
    }

    private async Task<string?> AwaitingSurveyAsync(IReadOnlyList<CaseSummary> cases, CancellationToken ct)
    {
        // The case row's status can trail the orchestration by a turn; the orchestration's own status decides.
        foreach (var candidate in cases.Where(c => c.IsOpen).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.CaseNumber, StringComparer.Ordinal))
        {
            var instance = await client.GetInstanceAsync(candidate.CaseNumber, cancellationToken: ct).ConfigureAwait(false);
            if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Running
                && instance.ReadCustomStatusAs<LifecycleStatus>() is { AwaitingSurvey: true })
            {
                return candidate.CaseNumber;
            }
        }

        return null;
    }
}
