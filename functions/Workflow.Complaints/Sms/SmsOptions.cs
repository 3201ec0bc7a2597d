namespace Workflow.Complaints.Sms;

/// <summary>Configuration section <c>Sms</c>: the provider connection, retries, numbers and opt-out rules.</summary>
public sealed class SmsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Sms";

    /// <summary>
    /// <c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>. Without an access key a
    /// Microsoft Entra token is used; when empty, messages go to the local outbox instead of the provider.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The sender: an E.164 number, a short code or an alphanumeric sender id.</summary>
    public string? From { get; set; }

    /// <summary>The SMS REST API version.</summary>
    public string ApiVersion { get; set; } = "2021-03-07";

    /// <summary>Retries after a 429 or 5xx answer (Retry-After is honoured when present).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first back-off delay when the answer has no Retry-After; it doubles on each retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a single request may take.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The region assumed for numbers written without a country code.</summary>
    public string DefaultRegion { get; set; } = "CN";

    /// <summary>The language used when nothing better is known (<c>zh-CN</c> or <c>en</c>).</summary>
    public string DefaultLanguage { get; set; } = SmsLanguages.Chinese;

    /// <summary>Storage for the send log, outbox, opt-outs and inbound events; <c>AzureWebJobsStorage</c> when empty.</summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Prefix of the SMS table names, so several deployments (or test runs) can share an account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Inbound Event Grid deliveries.</summary>
    public SmsInboundOptions Inbound { get; set; } = new();

    /// <summary>Opt-out rules.</summary>
    public SmsOptOutOptions OptOut { get; set; } = new();
}
