namespace Workflow.Complaints.Intake;

/// <summary>
/// A refused intake queue message as kept on the poison queue: the original body, why it was
/// refused (field errors, or the failure that kept it from being processed) and when.
/// </summary>
public sealed record PoisonMessage(
    string Body,
    bool BodyTruncated,
    string Reason,
    IDictionary<string, string[]> Errors,
    string OriginalMessageId,
    DateTimeOffset RefusedAt);
