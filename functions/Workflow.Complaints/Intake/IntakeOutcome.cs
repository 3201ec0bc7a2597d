namespace Workflow.Complaints.Intake;

/// <summary>
/// What intake did with a submission: accepted it (a new case, or a repeat of an earlier one with
/// the same idempotency key), or refused it with field errors.
/// </summary>
public sealed record IntakeOutcome(string? CaseNumber, bool IsRepeat, IDictionary<string, string[]> Errors)
{
    /// <summary>Whether a case number was given.</summary>
    public bool IsAccepted => CaseNumber is not null;

    /// <summary>An accepted submission.</summary>
    public static IntakeOutcome Accepted(string caseNumber, bool isRepeat) =>
        new(caseNumber, isRepeat, new Dictionary<string, string[]>(StringComparer.Ordinal));

    /// <summary>A refused submission.</summary>
    public static IntakeOutcome Refused(IDictionary<string, string[]> errors) => new(null, false, errors);
}
