namespace Workflow.Complaints.Sms;

/// <summary>Configuration section <c>Sms:Inbound</c>.</summary>
public sealed class SmsInboundOptions
{
    /// <summary>
    /// Accepted values of the <c>code</c> query parameter of the Event Grid subscription; two during a
    /// rotation (old and new). With none configured every delivery is refused.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>
    /// <c>Sms:Inbound:Entra</c>: with an authority and an audience, a Microsoft Entra bearer token from Event Grid
    /// is accepted as well as the secret.
    /// </summary>
    public SmsInboundEntraOptions Entra { get; } = new();

    /// <summary>
    /// How long a claimed event may stay unfinished before a redelivery takes it over (the first process
    /// is then presumed dead), so a crash mid-way loses no reply.
    /// </summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far back a reply looks for the sender's cases (by opening date) when matching it to a case that
    /// awaits a survey answer.
    /// </summary>
    public TimeSpan SurveyLookBack { get; set; } = TimeSpan.FromDays(180);
}
