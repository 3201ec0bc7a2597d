using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Sms;

/// <summary>The default sink: logs each report with the number masked.</summary>
public sealed class LoggingDeliveryReportSink(ILogger<LoggingDeliveryReportSink> logger) : IDeliveryReportSink
{
    /// <inheritdoc />
    public Task RecordAsync(SmsDeliveryReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        SmsLog.DeliveryReport(logger, report.Tag, SmsPhoneNumber.Mask(report.To), report.Status, report.StatusDetails, report.MessageId);
        return Task.CompletedTask;
    }
}
