namespace Workflow.Complaints.Sms;

/// <summary>The answer of <see cref="SmsInboundEventLog.TryBeginAsync"/>.</summary>
public enum SmsInboundClaim
{
    /// <summary>First time seen (or an earlier attempt died): apply it now.</summary>
    Claimed,

    /// <summary>Applied before: ignore.</summary>
    Duplicate,

    /// <summary>Another request is applying it right now: let Event Grid redeliver later.</summary>
    InProgress,
}
