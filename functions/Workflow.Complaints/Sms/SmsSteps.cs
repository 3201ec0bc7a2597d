namespace Workflow.Complaints.Sms;

/// <summary>The steps that send an SMS; each has a template per language.</summary>
public static class SmsSteps
{
    /// <summary>The case was received.</summary>
    public const string Acknowledgement = "acknowledgement";

    /// <summary>A case without a customer-facing clock (a suggestion) was received: thanks, no promised time.</summary>
    public const string SuggestionAcknowledgement = "suggestion-acknowledgement";

    /// <summary>The case was forwarded to a department with a promised time.</summary>
    public const string Forwarded = "forwarded";

    /// <summary>Staff need more information from the customer.</summary>
    public const string InformationRequest = "information-request";

    /// <summary>The case is still being worked on.</summary>
    public const string Progress = "progress";

    /// <summary>A deadline was missed.</summary>
    public const string DelayApology = "delay-apology";

    /// <summary>The case was resolved.</summary>
    public const string Resolution = "resolution";

    /// <summary>The satisfaction survey.</summary>
    public const string Survey = "survey";

    /// <summary>The one survey reminder.</summary>
    public const string SurveyReminder = "survey-reminder";

    /// <summary>A supervisor's final decision.</summary>
    public const string FinalDecision = "final-decision";

    /// <summary>The reply to STOP.</summary>
    public const string OptOutConfirmation = "opt-out-confirmation";

    /// <summary>The reply to a message the service could not use.</summary>
    public const string Help = "help";

    /// <summary>Every step, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Acknowledgement, SuggestionAcknowledgement, Forwarded, InformationRequest, Progress, DelayApology, Resolution,
        Survey, SurveyReminder, FinalDecision, OptOutConfirmation, Help,
    ];

    /// <summary>Service messages: they go even after an opt-out unless the region's configuration says otherwise.</summary>
    public static bool IsEssential(string step) =>
        step is Acknowledgement or SuggestionAcknowledgement or Resolution or FinalDecision or OptOutConfirmation;
}
