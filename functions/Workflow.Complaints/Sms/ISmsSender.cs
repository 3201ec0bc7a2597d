namespace Workflow.Complaints.Sms;

/// <summary>
/// Sends one SMS at most once per (case number, step): a retried or replayed call, or a call after a
/// host crash between sending and checkpointing, sends nothing new and answers <see cref="SmsSendStatus.AlreadySent"/>.
/// </summary>
public interface ISmsSender
{
    /// <summary>Sends <paramref name="message"/> unless it was sent already or the number opted out of it.</summary>
    Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken ct);
}
