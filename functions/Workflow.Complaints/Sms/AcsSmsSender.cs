using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>
/// Sends through the Azure Communication Services SMS REST API (<c>POST {endpoint}/sms</c>) on an Azure.Core
/// pipeline: HMAC-SHA256 signing with the connection string's key, or a Microsoft Entra token without one;
/// 429 and 5xx retried with back-off that honours <c>Retry-After</c>; delivery reports requested and tagged
/// with the case number. Each recipient carries the (case, step) repeatability id and first-sent time, so
/// the service sends a retried message once.
/// </summary>
public sealed class AcsSmsSender : SmsSender
{
    /// <summary>The Entra scope of Communication Services (the double slash is part of it).</summary>
    public const string TokenScope = "https://communication.azure.com//.default";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpPipeline _pipeline;
    private readonly Uri _sendUri;
    private readonly string _from;

    /// <summary>Creates the sender from <c>Sms:ConnectionString</c>, <c>Sms:From</c> and <c>Sms:ApiVersion</c>.</summary>
    /// <param name="log">The send log.</param>
    /// <param name="optOuts">The opt-out store.</param>
    /// <param name="options">SMS configuration.</param>
    /// <param name="clientOptions">Transport and extra pipeline policies; retries are taken from <paramref name="options"/>.</param>
    /// <param name="credential">Used when the connection string has no access key.</param>
    /// <param name="time">The clock for request dates.</param>
    /// <param name="logger">The logger.</param>
    public AcsSmsSender(
        SmsSendLog log,
        SmsOptOutStore optOuts,
        IOptions<SmsOptions> options,
        AcsSmsClientOptions clientOptions,
        TokenCredential? credential,
        TimeProvider time,
        ILogger<AcsSmsSender> logger)
        : base(log, optOuts, options, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clientOptions);
        var settings = options.Value;
        var connection = AcsConnectionString.Parse(settings.ConnectionString
            ?? throw new InvalidOperationException("Sms:ConnectionString is not configured."));
        _from = settings.From ?? throw new InvalidOperationException("Sms:From is not configured.");
        _sendUri = new Uri(connection.Endpoint, "sms?api-version=" + Uri.EscapeDataString(settings.ApiVersion));

        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = settings.MaxRetries;
        clientOptions.Retry.Delay = settings.RetryDelay;
        clientOptions.Retry.MaxDelay = settings.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = settings.NetworkTimeout;
        HttpPipelinePolicy authentication = connection.AccessKey is { } key
            ? new AcsHmacSigningPolicy(key, time)
            : new BearerTokenAuthenticationPolicy(
                credential ?? throw new InvalidOperationException("A TokenCredential is required when the connection string has no access key."),
                TokenScope);
        _pipeline = HttpPipelineBuilder.Build(clientOptions, authentication);
    }

    /// <inheritdoc />
    protected override async Task<SmsSendResult> DeliverAsync(SmsMessage message, SmsSendRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(record);
        var tag = string.IsNullOrEmpty(message.Tag) ? message.CaseNumber : message.Tag;
        var body = new AcsSendRequest(
            _from,
            message.Body,
            [new AcsSmsRecipient(message.To, record.RepeatabilityId.ToString("D"), record.FirstSent.ToString("r", CultureInfo.InvariantCulture))],
            new AcsSmsSendOptions(EnableDeliveryReport: true, string.IsNullOrEmpty(tag) ? null : tag));

        using var httpMessage = _pipeline.CreateMessage();
        var request = httpMessage.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_sendUri);
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("Accept", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body, Json));
        await _pipeline.SendAsync(httpMessage, ct);

        var response = httpMessage.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response);
        }

        var parsed = response.Content.ToObjectFromJson<AcsSendResponse>(Json);
        var result = parsed?.Value is { Count: > 0 } values
            ? values[0]
            : throw new RequestFailedException(response.Status, "The SMS service answered without a per-recipient result.");
        return result.Successful
            ? new SmsSendResult(SmsSendStatus.Sent, record.RepeatabilityId, result.MessageId, null, result.HttpStatusCode)
            : new SmsSendResult(SmsSendStatus.Failed, record.RepeatabilityId, result.MessageId, result.ErrorMessage ?? result.RepeatabilityResult, result.HttpStatusCode);
    }
}
