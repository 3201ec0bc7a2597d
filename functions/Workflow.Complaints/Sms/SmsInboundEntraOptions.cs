namespace Workflow.Complaints.Sms;

/// <summary>
/// Configuration section <c>Sms:Inbound:Entra</c>: Microsoft Entra bearer tokens on the Event Grid webhook (the
/// subscription's "Use Microsoft Entra authentication"). Unset, only the <c>?code=</c> secret is accepted.
/// </summary>
public sealed class SmsInboundEntraOptions
{
    /// <summary>The token issuer's authority, <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; its OpenID Connect metadata gives the signing keys and issuer.</summary>
    public string? Authority { get; set; }

    /// <summary>The webhook app's application id URI or client id, as set in the subscription (the token's <c>aud</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// Issuers accepted besides the metadata's, e.g. <c>https://sts.windows.net/{tenant}/</c> for the v1 tokens an app
    /// registration gets while its manifest leaves <c>accessTokenAcceptedVersion</c> unset.
    /// </summary>
    public IList<string> Issuers { get; } = [];

    /// <summary>
    /// When not empty, the token's caller (<c>azp</c>, or <c>appid</c> in v1 tokens) must be one of these; Event Grid's
    /// application id is <c>4962773b-9cdb-44cf-a8bf-237846a00ab7</c> in the Azure public cloud.
    /// </summary>
    public IList<string> AllowedAppIds { get; } = [];

    /// <summary>True when an authority is set: tokens are then validated (the audience is then required).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
