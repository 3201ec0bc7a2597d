using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Intake;

/// <summary>
/// The intake queue and its poison queue (<c>complaints-intake</c>, <c>complaints-intake-poison</c>):
/// moving a refused message aside with its errors, listing, requeueing and discarding it.
/// </summary>
public sealed partial class IntakeQueues
{
    /// <summary>Room left in a queue message for the envelope around a kept body.</summary>
    private const int EnvelopeReserveBytes = 16 * 1024;

    /// <summary>Queue messages hold at most 64 KiB.</summary>
    private const int QueueMessageBytes = 64 * 1024;

    /// <summary>Messages received per round when searching for one by id (the service's maximum).</summary>
    private const int ReceiveBatch = 32;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly QueueServiceClient _queues;
    private readonly IntakeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IntakeQueues> _logger;
    private Lazy<Task> _created;

    /// <summary>Creates the queue pair.</summary>
    public IntakeQueues(QueueServiceClient queues, IOptions<IntakeOptions> options, TimeProvider time, ILogger<IntakeQueues> logger)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _queues = queues;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _created = new Lazy<Task>(CreateQueuesAsync);
    }

    /// <summary>The intake queue.</summary>
    public QueueClient Intake => _queues.GetQueueClient(_options.QueueName);

    /// <summary>The poison queue.</summary>
    public QueueClient Poison => _queues.GetQueueClient(_options.PoisonQueueName);

    /// <summary>Creates both queues if they do not exist.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var created = _created;
        try
        {
            await created.Value.WaitAsync(cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Try again on the next call instead of remembering the failure.
            Interlocked.CompareExchange(ref _created, new Lazy<Task>(CreateQueuesAsync), created);
            throw;
        }
    }

    /// <summary>Moves a refused body aside with its errors.</summary>
    public async Task AddAsync(string body, string reason, IDictionary<string, string[]> errors, string originalMessageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        await EnsureCreatedAsync(cancellationToken);
        var kept = Truncate(body, QueueMessageBytes - EnvelopeReserveBytes);
        var message = new PoisonMessage(kept, kept.Length != body.Length, reason, errors, originalMessageId, _time.GetUtcNow());
        await Poison.SendMessageAsync(JsonSerializer.Serialize(message, Json), cancellationToken);
    }

    /// <summary>The first messages of the poison queue (peeked, so they stay where they are).</summary>
    public async Task<IReadOnlyList<PoisonMessageView>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var peeked = await Poison.PeekMessagesAsync(ReceiveBatch, cancellationToken);
        return [.. peeked.Value.Select(m => View(m.MessageId, m.InsertedOn, m.Body.ToString()))];
    }

    /// <summary>Sends a poison message's body back to the intake queue and removes it; false when there is none with this id.</summary>
    public async Task<bool> RequeueAsync(string id, CancellationToken cancellationToken)
    {
        var found = await TakeAsync(id, async (message, ct) =>
        {
            var poison = JsonSerializer.Deserialize<PoisonMessage>(message.Body.ToString(), Json);
            await Intake.SendMessageAsync(poison?.Body ?? message.Body.ToString(), ct);
        }, cancellationToken);
        if (found)
        {
            IntakeLogs.Requeued(_logger, id);
        }

        return found;
    }

    /// <summary>Removes a poison message; false when there is none with this id.</summary>
    public async Task<bool> DiscardAsync(string id, CancellationToken cancellationToken)
    {
        var found = await TakeAsync(id, (_, _) => Task.CompletedTask, cancellationToken);
        if (found)
        {
            IntakeLogs.Discarded(_logger, id);
        }

        return found;
    }

    /// <summary>
    /// Finds a message by id (the queue has no get-by-id): receives rounds of messages, holding the
    /// others invisible until the search ends so no round sees them twice, then releases them.
    /// </summary>
    private async Task<bool> TakeAsync(string id, Func<QueueMessage, CancellationToken, Task> act, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        await EnsureCreatedAsync(cancellationToken);
        var held = new List<QueueMessage>();
        try
        {
            while (true)
            {
                var round = (await Poison.ReceiveMessagesAsync(ReceiveBatch, _options.QueueVisibilityTimeout, cancellationToken)).Value;
                if (round.Length == 0)
                {
                    return false;
                }

                foreach (var message in round)
                {
                    if (message.MessageId == id)
                    {
                        await act(message, cancellationToken);
                        await Poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    }
                    else
                    {
                        held.Add(message);
                    }
                }

                if (round.Any(m => m.MessageId == id))
                {
                    return true;
                }
            }
        }
        finally
        {
            foreach (var message in held)
            {
                await ReleaseAsync(message);
            }
        }
    }

    private async Task ReleaseAsync(QueueMessage message)
    {
        try
        {
            await Poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // It becomes visible again by itself when its visibility timeout ends.
        }
    }

    private static PoisonMessageView View(string id, DateTimeOffset? insertedOn, string text)
    {
        PoisonMessage? message = null;
        try
        {
            message = JsonSerializer.Deserialize<PoisonMessage>(text, Json);
        }
        catch (JsonException)
        {
            // Not written by us (someone put it there by hand): show it as a body.
        }

        return message is null
            ? new PoisonMessageView(id, insertedOn, "unreadable poison message", new Dictionary<string, string[]>(StringComparer.Ordinal), Redact(text), false, insertedOn ?? DateTimeOffset.MinValue)
            : new PoisonMessageView(id, insertedOn, message.Reason, message.Errors, Redact(message.Body), message.BodyTruncated, message.RefusedAt);
    }

    /// <summary>Masks every run of seven or more digits (with spaces, dashes or a leading plus).</summary>
    internal static string Redact(string text) => LongNumber().Replace(text, m => PhoneNumberMask.Mask(m.Value));

    private static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var length = Math.Min(text.Length, maxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes)
        {
            length -= Math.Max(1, length / 8);
        }

        return text[..length];
    }

    private async Task CreateQueuesAsync()
    {
        await Intake.CreateIfNotExistsAsync();
        await Poison.CreateIfNotExistsAsync();
    }

    [GeneratedRegex(@"\+?\d(?:[\d \-]{5,}\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();
}
