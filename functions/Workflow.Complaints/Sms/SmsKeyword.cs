namespace Workflow.Complaints.Sms;

/// <summary>A reply that is a subscription command rather than an answer.</summary>
public enum SmsKeyword
{
    /// <summary>Not a keyword.</summary>
    None,

    /// <summary>STOP / 退订 / TD / UNSUBSCRIBE: opt out of non-essential messages.</summary>
    Stop,

    /// <summary>START: subscribe again.</summary>
    Start,
}
