using Workflow.Complaints.Cases;

namespace Workflow.Complaints.Intake;

/// <summary>
/// A validated submission with its case number: what <see cref="ICaseOpener"/> opens. The
/// submission holds the full phone number (E.164); only the customer record keeps it.
/// </summary>
public sealed record NewCase(string CaseNumber, ComplaintSubmission Submission, string PhoneHash, DateTimeOffset ReceivedAt, string Source)
{
    /// <summary>The read model of the new case (masked phone, no personal data).</summary>
    public Case ToCase() => new()
    {
        CaseNumber = CaseNumber,
        Status = Case.InitialStatus,
        Type = Submission.Type ?? string.Empty,
        MaskedPhone = PhoneNumberMask.Mask(Submission.Phone),
        PhoneHash = PhoneHash,
        Language = Submission.Language ?? IntakeVocabulary.Languages[0],
        Region = Submission.Region,
        BusinessLine = Submission.BusinessLine,
        Product = Submission.Product,
        Channel = Submission.Channel,
        CreatedAt = ReceivedAt,
        AboutStaff = Submission.AboutStaff,
        Request = Submission.Request,
    };

    /// <summary>The personal part, stored apart from the read model.</summary>
    public CustomerRecord ToCustomerRecord() => new()
    {
        CaseNumber = CaseNumber,
        CustomerName = Submission.CustomerName ?? string.Empty,
        PhoneE164 = Submission.Phone ?? string.Empty,
        Description = Submission.Description ?? string.Empty,
        Location = Submission.Location,
        OccurredAt = Submission.OccurredAt,
        Evidence = Submission.Evidence,
    };

    /// <summary>The first timeline entry: the case was received through <see cref="Source"/>.</summary>
    public TimelineEntry ToReceivedEntry() =>
        new(ReceivedAt, "received", "customer", "Case opened by " + Source + (Submission.Channel is null ? string.Empty : " (" + Submission.Channel + ")"))
        {
            Id = "received",
        };
}
