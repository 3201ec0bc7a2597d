namespace Workflow.Complaints.Survey;

/// <summary>What became of an inbound SMS handed to <see cref="ISurveyReplyHandler"/>.</summary>
public enum SurveyReplyOutcome
{
    /// <summary>Matched to the sender's open survey and raised on its case.</summary>
    Recorded,

    /// <summary>The sender has no case awaiting a survey answer.</summary>
    NoOpenSurvey,

    /// <summary>The sender has an open survey but the text holds no score.</summary>
    Unparsable,
}
