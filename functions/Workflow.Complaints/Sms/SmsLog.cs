using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Sms;

/// <summary>SMS log messages (event ids 6000-6099). Numbers appear masked only.</summary>
internal static partial class SmsLog
{
    [LoggerMessage(6000, LogLevel.Information, "SMS {Step} for case {CaseNumber} to {MaskedTo} sent, message id {MessageId}")]
    public static partial void Sent(ILogger logger, string caseNumber, string step, string maskedTo, string? messageId);

    [LoggerMessage(6001, LogLevel.Information, "SMS {Step} for case {CaseNumber} was sent before; not sent again")]
    public static partial void AlreadySent(ILogger logger, string caseNumber, string step);

    [LoggerMessage(6002, LogLevel.Information, "SMS {Step} for case {CaseNumber} to {MaskedTo} skipped: the number opted out")]
    public static partial void SkippedOptedOut(ILogger logger, string caseNumber, string step, string maskedTo);

    [LoggerMessage(6003, LogLevel.Warning, "SMS {Step} for case {CaseNumber} to {MaskedTo} refused by the provider ({ProviderStatus}): {Error}")]
    public static partial void Failed(ILogger logger, string caseNumber, string step, string maskedTo, int? providerStatus, string? error);

    [LoggerMessage(6004, LogLevel.Information, "SMS {Step} for case {CaseNumber} to {MaskedTo} recorded in the outbox")]
    public static partial void Recorded(ILogger logger, string caseNumber, string step, string maskedTo);

    [LoggerMessage(6010, LogLevel.Warning, "Inbound SMS event refused: missing or wrong secret or token")]
    public static partial void InboundUnauthorized(ILogger logger);

    [LoggerMessage(6023, LogLevel.Warning, "Inbound SMS event: Microsoft Entra token refused ({Reason})")]
    public static partial void InboundTokenRejected(ILogger logger, string reason);

    [LoggerMessage(6024, LogLevel.Error, "Inbound SMS event: the Microsoft Entra authority's metadata could not be fetched; answered 503")]
    public static partial void InboundTokenKeysUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(6011, LogLevel.Warning, "Inbound SMS event refused: malformed body ({Reason})")]
    public static partial void InboundMalformed(ILogger logger, string reason);

    [LoggerMessage(6012, LogLevel.Information, "Inbound event {EventId} was applied before; ignored")]
    public static partial void InboundDuplicate(ILogger logger, string eventId);

    [LoggerMessage(6013, LogLevel.Information, "Event Grid subscription validated")]
    public static partial void SubscriptionValidated(ILogger logger);

    [LoggerMessage(6014, LogLevel.Information, "Inbound event of type {EventType} ignored")]
    public static partial void InboundIgnored(ILogger logger, string eventType);

    [LoggerMessage(6015, LogLevel.Information, "{MaskedFrom} opted out of SMS")]
    public static partial void OptedOut(ILogger logger, string maskedFrom);

    [LoggerMessage(6016, LogLevel.Information, "{MaskedFrom} subscribed to SMS again")]
    public static partial void OptedIn(ILogger logger, string maskedFrom);

    [LoggerMessage(6017, LogLevel.Information, "SMS from {MaskedFrom} not used ({Outcome})")]
    public static partial void ReplyNotUsed(ILogger logger, string maskedFrom, string outcome);

    [LoggerMessage(6018, LogLevel.Warning, "SMS from an invalid number {MaskedFrom} ignored")]
    public static partial void InvalidSender(ILogger logger, string maskedFrom);

    [LoggerMessage(6019, LogLevel.Information, "Survey reply from {MaskedFrom}: {Outcome}")]
    public static partial void ReplyHandled(ILogger logger, string maskedFrom, string outcome);

    [LoggerMessage(6020, LogLevel.Information, "Delivery report for case {CaseNumber} to {MaskedTo}: {Status} ({Details}), message id {MessageId}")]
    public static partial void DeliveryReport(ILogger logger, string? caseNumber, string maskedTo, string status, string? details, string messageId);

    [LoggerMessage(6021, LogLevel.Warning, "Reply SMS {Step} to {MaskedTo} could not be sent")]
    public static partial void ReplySendFailed(ILogger logger, Exception exception, string step, string maskedTo);

    [LoggerMessage(6022, LogLevel.Information, "Delivery report for message {MessageId} ({Status}) matches no case; not on any timeline")]
    public static partial void DeliveryReportUnmatched(ILogger logger, string messageId, string status);
}
