using System.Globalization;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Complaints.Survey;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Applies inbound SMS events: opt-out keywords first, then the survey reply handler; a reply that nobody
/// can use is answered with a help SMS at most once a day per number. Delivery reports go to the sink.
/// </summary>
public sealed class SmsInboundProcessor(
    SmsOptOutStore optOuts,
    ISurveyReplyHandler surveyReplies,
    IDeliveryReportSink deliveryReports,
    ISmsSender sender,
    SmsTemplateRenderer templates,
    IOptions<SmsOptions> options,
    TimeProvider time,
    ILogger<SmsInboundProcessor> logger)
{
    /// <summary>Handles an SMS from <paramref name="from"/> (as Event Grid spells it).</summary>
    public async Task ReceiveAsync(string messageId, string from, string text, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = options.Value;
        var e164 = SmsPhoneNumber.Normalise(from, settings.DefaultRegion);
        if (e164 is null)
        {
            SmsLog.InvalidSender(logger, SmsPhoneNumber.Mask(from));
            return;
        }

        var masked = SmsPhoneNumber.Mask(e164);
        var language = SmsLanguages.Detect(text, settings.DefaultLanguage);
        switch (SmsKeywords.Parse(text))
        {
            case SmsKeyword.Stop:
                await optOuts.OptOutAsync(e164, ct);
                SmsLog.OptedOut(logger, masked);
                // One confirmation per STOP message, whatever Event Grid redelivers.
                await ReplyAsync(e164, SmsSteps.OptOutConfirmation, $"{SmsSteps.OptOutConfirmation}/{messageId}", language, essential: true, ct);
                return;

            case SmsKeyword.Start:
                await optOuts.OptInAsync(e164, ct);
                SmsLog.OptedIn(logger, masked);
                return;
        }

        // Event Grid always stamps the time; fall back to now rather than a year-one date if it did not.
        var at = receivedAt == DateTimeOffset.MinValue ? time.GetUtcNow() : receivedAt;
        var outcome = await surveyReplies.HandleAsync(e164, text, at, ct);
        if (outcome == SurveyReplyOutcome.Recorded)
        {
            SmsLog.ReplyHandled(logger, masked, outcome.ToString());
            return;
        }

        SmsLog.ReplyNotUsed(logger, masked, outcome.ToString());
        // The step names the day and the number, so the send log lets one help SMS through per day.
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ReplyAsync(e164, SmsSteps.Help, $"{SmsSteps.Help}/{day}/{SmsPhoneNumber.Hash(e164)}", language, essential: false, ct);
    }

    /// <summary>Passes a delivery report on, with its number normalised.</summary>
    public Task ReportAsync(SmsDeliveryReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var to = SmsPhoneNumber.Normalise(report.To, options.Value.DefaultRegion) ?? report.To;
        return deliveryReports.RecordAsync(report with { To = to }, ct);
    }

    private async Task ReplyAsync(string e164, string step, string sendKey, string language, bool essential, CancellationToken ct)
    {
        var body = templates.Render(step, language, new SmsTemplateValues(string.Empty));
        try
        {
            await sender.SendAsync(new SmsMessage(e164, body, string.Empty, sendKey, essential, step), ct);
        }
        catch (RequestFailedException e)
        {
            // A courtesy reply must not make Event Grid redeliver (and re-apply) the inbound message.
            SmsLog.ReplySendFailed(logger, e, step, SmsPhoneNumber.Mask(e164));
        }
    }
}
