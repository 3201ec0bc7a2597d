namespace Workflow.Complaints.Lifecycle.Activities;

/// <summary>The input of <see cref="SendSmsActivity"/>: which step of which case, and the values for its template.</summary>
/// <param name="CaseNumber">The case.</param>
/// <param name="Step">The template step (<see cref="Sms.SmsSteps"/>).</param>
/// <param name="Occurrence">The how-many-th message of this step in the case, from 1 (progress SMS repeat).</param>
/// <param name="Department">The handling department.</param>
/// <param name="Deadline">The promised time, formatted in the case region's time zone.</param>
/// <param name="Remedy">What the customer is given.</param>
/// <param name="BackAt">When staff are back (acknowledgements out of hours).</param>
public sealed record SmsRequest(
    string CaseNumber,
    string Step,
    int Occurrence = 1,
    string? Department = null,
    DateTimeOffset? Deadline = null,
    string? Remedy = null,
    DateTimeOffset? BackAt = null)
{
    /// <summary>The message's step for sending once: the template step, with <c>/n</c> from the second occurrence on.</summary>
    public string MessageStep => Occurrence <= 1
        ? Step
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Step}/{Occurrence}");
}
