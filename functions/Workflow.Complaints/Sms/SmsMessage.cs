namespace Workflow.Complaints.Sms;

/// <summary>One SMS to one customer, sent for one step of a case.</summary>
/// <param name="To">The recipient in E.164 form (<c>+8613812345678</c>).</param>
/// <param name="Body">The rendered text.</param>
/// <param name="CaseNumber">The case the message belongs to (empty for replies that belong to no case).</param>
/// <param name="Step">The step that sends it (<see cref="SmsSteps"/>); with the case number it names the message, so it is sent once.</param>
/// <param name="Essential">A service message (acknowledgement, resolution, final decision) that still goes after an opt-out.</param>
/// <param name="Tag">The provider tag echoed in delivery reports; the case number when null.</param>
public sealed record SmsMessage(string To, string Body, string CaseNumber, string Step, bool Essential = false, string? Tag = null);
