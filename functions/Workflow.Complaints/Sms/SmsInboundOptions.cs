namespace Workflow.Complaints.Sms;

/// <summary>Configuration section <c>Sms:Inbound</c>.</summary>
public sealed class SmsInboundOptions
{
    /// <summary>
    /// Accepted values of the <c>code</c> query parameter of the Event Grid subscription; two during a
    /// rotation (old and new). With none configured every delivery is refused.
    /// </summary>
    public IList<string> Secrets { get; } = [];
}
