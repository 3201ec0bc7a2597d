namespace Workflow.Complaints.Survey;

/// <summary>Matches an inbound SMS to the sender's case awaiting a survey answer and raises <c>SurveyReplied</c>.</summary>
public interface ISurveyReplyHandler
{
    /// <summary>Handles a reply from <paramref name="fromE164"/> (normalised) that is not an opt-out keyword.</summary>
    Task<SurveyReplyOutcome> HandleAsync(string fromE164, string text, DateTimeOffset receivedAt, CancellationToken ct);
}
