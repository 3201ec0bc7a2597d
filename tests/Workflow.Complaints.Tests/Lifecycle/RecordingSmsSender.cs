using System.Collections.Concurrent;
using Workflow.Complaints.Sms;

namespace Workflow.Complaints.Tests.Lifecycle;

/// <summary>The SMS provider boundary for lifecycle tests: keeps what would have been sent, once per (case, step).</summary>
internal sealed class RecordingSmsSender : ISmsSender
{
    private readonly ConcurrentQueue<SmsMessage> _sent = new();
    private readonly ConcurrentDictionary<(string, string), bool> _keys = new();

    /// <summary>Template steps whose sending throws, as a provider outage would.</summary>
    public ConcurrentDictionary<string, bool> Broken { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<SmsMessage> Sent => [.. _sent];

    public IReadOnlyList<SmsMessage> For(string caseNumber) => [.. _sent.Where(m => m.CaseNumber == caseNumber)];

    public Task<SmsSendResult> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Broken.ContainsKey(message.Step))
        {
            throw new HttpRequestException("The SMS provider is unreachable.");
        }

        var id = SmsRepeatability.IdFor(message.CaseNumber, message.Step);
        if (!_keys.TryAdd((message.CaseNumber, message.Step), true))
        {
            return Task.FromResult(new SmsSendResult(SmsSendStatus.AlreadySent, id));
        }

        _sent.Enqueue(message);
        return Task.FromResult(new SmsSendResult(SmsSendStatus.Sent, id));
    }
}
