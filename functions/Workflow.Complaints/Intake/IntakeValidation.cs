namespace Workflow.Complaints.Intake;

/// <summary>
/// The outcome of validating a submission: either field errors, or the normalised submission
/// (trimmed text, phone number in E.164, default language filled in).
/// </summary>
public sealed record IntakeValidation(ComplaintSubmission? Submission, IDictionary<string, string[]> Errors)
{
    /// <summary>Whether the submission may open a case.</summary>
    public bool IsValid => Submission is not null && Errors.Count == 0;
}
