namespace Workflow.Complaints.Sms;

/// <summary>Receives delivery reports (the lifecycle records them on the case timeline).</summary>
public interface IDeliveryReportSink
{
    /// <summary>Records <paramref name="report"/>; called once per Event Grid event id.</summary>
    Task RecordAsync(SmsDeliveryReport report, CancellationToken ct);
}
