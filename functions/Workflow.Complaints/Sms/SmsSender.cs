using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>
/// The part every sender shares: the send log that makes a (case, step) go once, and the opt-out check.
/// Subclasses only deliver.
/// </summary>
public abstract class SmsSender(SmsSendLog log, SmsOptOutStore optOuts, IOptions<SmsOptions> options, ILogger logger) : ISmsSender
{
    private const string InvalidNumber = "The recipient is not a valid phone number.";

    /// <summary>The sender's logger.</summary>
    protected ILogger Logger { get; } = logger;

    /// <inheritdoc />
    public async Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Body);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Step);
        var to = SmsPhoneNumber.Normalise(message.To, options.Value.DefaultRegion);
        if (to is null)
        {
            // Retrying cannot fix a bad number, so this is a result, not an exception.
            SmsLog.Failed(Logger, message.CaseNumber, message.Step, SmsPhoneNumber.Mask(message.To), null, InvalidNumber);
            return new SmsSendResult(SmsSendStatus.Failed, SmsRepeatability.IdFor(message.CaseNumber, message.Step), Error: InvalidNumber);
        }

        message = message with { To = to };

        var record = await log.BeginAsync(message, ct);
        if (record.SentAt is not null)
        {
            SmsLog.AlreadySent(Logger, message.CaseNumber, message.Step);
            return new SmsSendResult(SmsSendStatus.AlreadySent, record.RepeatabilityId, record.MessageId);
        }

        var masked = SmsPhoneNumber.Mask(to);
        if (await optOuts.BlocksAsync(message, ct))
        {
            SmsLog.SkippedOptedOut(Logger, message.CaseNumber, message.Step, masked);
            return new SmsSendResult(SmsSendStatus.SkippedOptedOut, record.RepeatabilityId);
        }

        var result = await DeliverAsync(message, record, ct);
        if (result.Status is SmsSendStatus.Sent or SmsSendStatus.AlreadySent)
        {
            await log.CompleteAsync(record.RepeatabilityId, result.MessageId, ct);
            SmsLog.Sent(Logger, message.CaseNumber, message.Step, masked, result.MessageId);
        }
        else if (result.Status == SmsSendStatus.Failed)
        {
            SmsLog.Failed(Logger, message.CaseNumber, message.Step, masked, result.ProviderStatus, result.Error);
        }

        return result;
    }

    /// <summary>
    /// Hands <paramref name="message"/> (its number already in E.164) to the provider with the record's
    /// repeatability id and first-sent time, which are the same on every attempt for this case and step.
    /// </summary>
    protected abstract Task<SmsSendResult> DeliverAsync(SmsMessage message, SmsSendRecord record, CancellationToken ct);
}
