using Microsoft.Extensions.Logging;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Lifecycle;
using TimelineEntry = Workflow.Complaints.Cases.TimelineEntry;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Writes each delivery report on its case's timeline: the send log leads the provider's message id back to
/// the case and step (the report's tag, the case number, when the log has no row for it). The entry's id is
/// the message id and status and its time the provider's, so a report that arrives twice is written once.
/// </summary>
public sealed class CaseTimelineDeliveryReportSink(
    SmsSendLog sendLog,
    CaseStore store,
    TimeProvider time,
    ILogger<CaseTimelineDeliveryReportSink> logger) : IDeliveryReportSink
{
    /// <summary>Who reports a delivery, as the timeline shows it.</summary>
    public const string Provider = "sms-provider";

    /// <inheritdoc />
    public async Task RecordAsync(SmsDeliveryReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        SmsLog.DeliveryReport(logger, report.Tag, SmsPhoneNumber.Mask(report.To), report.Status, report.StatusDetails, report.MessageId);
        var sent = await sendLog.FindByMessageIdAsync(report.MessageId, ct).ConfigureAwait(false);
        var caseNumber = sent?.CaseNumber is { Length: > 0 } known ? known : report.Tag;
        if (string.IsNullOrEmpty(caseNumber) || (sent is null && await store.GetAsync(caseNumber, ct).ConfigureAwait(false) is null))
        {
            SmsLog.DeliveryReportUnmatched(logger, report.MessageId, report.Status);
            return;
        }

        var what = sent?.Step ?? "message " + report.MessageId;
        var reason = string.IsNullOrWhiteSpace(report.StatusDetails) ? $"{what}: {report.Status}" : $"{what}: {report.Status} ({report.StatusDetails})";
        // Event Grid stamps the report; the first-sent time keeps a report without a stamp on a stable row as well.
        var at = report.ReceivedAt ?? sent?.FirstSent ?? time.GetUtcNow();
        var entry = new TimelineEntry(at, TimelineKinds.SmsDelivery, Provider, reason)
        {
            Id = $"delivery-{report.MessageId}-{report.Status}",
        };
        await store.AppendTimelineAsync(caseNumber, entry, ct).ConfigureAwait(false);
    }
}
