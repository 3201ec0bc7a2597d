namespace Workflow.Complaints.Sms;

/// <summary>Configuration section <c>Sms:OptOut</c>.</summary>
public sealed class SmsOptOutOptions
{
    /// <summary>
    /// Region codes (ISO 3166, as libphonenumber names them, e.g. <c>US</c>) where an opt-out also stops
    /// essential service messages. Elsewhere essential messages still go after STOP.
    /// </summary>
    public IList<string> EssentialBlockedRegions { get; } = [];
}
