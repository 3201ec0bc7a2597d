namespace Workflow.Complaints.Sms;

/// <summary>The values placed into a template; each already formatted for the case's language.</summary>
/// <param name="CaseNumber">The case number.</param>
/// <param name="Department">The handling department.</param>
/// <param name="Deadline">The promised time.</param>
/// <param name="Remedy">What the customer is given (resolution, final decision).</param>
/// <param name="BackAt">When staff are back (only out of hours; empty leaves the sentence out).</param>
public sealed record SmsTemplateValues(
    string CaseNumber,
    string? Department = null,
    string? Deadline = null,
    string? Remedy = null,
    string? BackAt = null)
{
    /// <summary>Typical values for checking templates at start-up: a long case number, a real department and remedy.</summary>
    public static SmsTemplateValues Typical(string language) => language == SmsLanguages.English
        ? new("C-20261122-000123", "Customer Service", "23 Nov 18:00", "a refund of 199.00 CNY to your original payment method", "Mon 09:00")
        : new("C-20261122-000123", "客户服务部", "11月23日18:00", "已为您办理退款199元至原支付账户", "周一09:00");
}
