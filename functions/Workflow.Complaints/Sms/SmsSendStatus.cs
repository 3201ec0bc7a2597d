namespace Workflow.Complaints.Sms;

/// <summary>What happened to one <see cref="SmsMessage"/>.</summary>
public enum SmsSendStatus
{
    /// <summary>Handed to the provider (or recorded in the outbox) now.</summary>
    Sent,

    /// <summary>This case and step was already sent earlier; nothing was sent again.</summary>
    AlreadySent,

    /// <summary>Not sent: the number opted out of non-essential messages.</summary>
    SkippedOptedOut,

    /// <summary>The provider refused the message for this recipient.</summary>
    Failed,
}
