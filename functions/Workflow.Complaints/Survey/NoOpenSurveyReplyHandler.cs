namespace Workflow.Complaints.Survey;

/// <summary>The default until the lifecycle provides one: no number has an open survey.</summary>
public sealed class NoOpenSurveyReplyHandler : ISurveyReplyHandler
{
    /// <inheritdoc />
    public Task<SurveyReplyOutcome> HandleAsync(string fromE164, string text, DateTimeOffset receivedAt, CancellationToken ct) =>
        Task.FromResult(SurveyReplyOutcome.NoOpenSurvey);
}
