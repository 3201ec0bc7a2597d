using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Sms;

/// <summary>
/// The sender used when no provider is configured: it records each message in the <c>SmsOutbox</c> table
/// (number masked) so developers and the dashboard can see what would have been sent.
/// </summary>
public sealed class OutboxSmsSender(
    SmsTables tables,
    SmsSendLog log,
    SmsOptOutStore optOuts,
    IOptions<SmsOptions> options,
    TimeProvider time,
    ILogger<OutboxSmsSender> logger) : SmsSender(log, optOuts, options, logger)
{
    /// <summary>The most items one page may hold.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Lists recorded messages, newest first.</summary>
    public async Task<SmsOutboxPage> ListAsync(int pageSize, string? continuationToken, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var table = await tables.GetAsync(SmsTables.Outbox);
        var query = table.QueryAsync<SmsOutboxEntity>(e => e.PartitionKey == SmsOutboxEntity.Partition, pageSize, cancellationToken: ct);
        await foreach (var page in query.AsPages(continuationToken, pageSize).WithCancellation(ct))
        {
            var items = page.Values
                .Select(e => new SmsOutboxItem(MessageIdFor(e.RepeatabilityId), e.CaseNumber, e.Step, e.MaskedTo, e.Body, e.Essential, e.FirstSent))
                .ToList();
            return new SmsOutboxPage(items, page.ContinuationToken);
        }

        return new SmsOutboxPage([], null);
    }

    /// <inheritdoc />
    protected override async Task<SmsSendResult> DeliverAsync(SmsMessage message, SmsSendRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(SmsTables.Outbox);
        var entity = new SmsOutboxEntity
        {
            RowKey = SmsOutboxEntity.RowKeyFor(record.FirstSent, record.RepeatabilityId),
            RepeatabilityId = record.RepeatabilityId,
            CaseNumber = message.CaseNumber,
            Step = message.Step,
            MaskedTo = SmsPhoneNumber.Mask(message.To),
            Body = message.Body,
            Tag = message.Tag ?? message.CaseNumber,
            Essential = message.Essential,
            FirstSent = record.FirstSent,
            RecordedAt = time.GetUtcNow(),
        };
        // Same (case, step) → same row key: a retry after a crash finds the row and records nothing new.
        var added = await SmsTables.TryAddAsync(table, entity, ct);
        if (added)
        {
            SmsLog.Recorded(Logger, message.CaseNumber, message.Step, entity.MaskedTo);
        }

        return new SmsSendResult(added ? SmsSendStatus.Sent : SmsSendStatus.AlreadySent, record.RepeatabilityId, MessageIdFor(record.RepeatabilityId));
    }

    private static string MessageIdFor(Guid repeatabilityId) => "outbox-" + repeatabilityId.ToString("N");
}
