using System.Text;
using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Intake;

/// <summary>
/// Queue intake: reads <c>complaints-intake</c>, gives each message the same validation as HTTP
/// intake and opens its case. A refused message goes to the poison queue with its field errors;
/// a message that keeps failing for another reason goes there after the configured number of
/// deliveries. A message is deleted only after it was opened or moved aside, so none is dropped.
/// </summary>
public sealed class QueueIntakeListener : BackgroundService
{
    private const int ReceiveBatch = 32;

    private readonly IntakeQueues _queues;
    private readonly IntakeService _intake;
    private readonly IntakeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueIntakeListener> _logger;

    /// <summary>Creates the listener.</summary>
    public QueueIntakeListener(IntakeQueues queues, IntakeService intake, IOptions<IntakeOptions> options, TimeProvider time, ILogger<QueueIntakeListener> logger)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _queues = queues;
        _intake = intake;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.QueueListenerEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PollOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(_options.QueuePollInterval, _time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex)
            {
                IntakeLogs.PollFailed(_logger, ex);
                await Task.Delay(_options.QueuePollInterval, _time, stoppingToken);
            }
        }
    }

    /// <summary>Receives and handles one batch; returns how many messages it received.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        await _queues.EnsureCreatedAsync(cancellationToken);
        var messages = (await _queues.Intake.ReceiveMessagesAsync(ReceiveBatch, _options.QueueVisibilityTimeout, cancellationToken)).Value;
        await Parallel.ForEachAsync(messages, cancellationToken, async (message, ct) => await HandleAsync(message, ct));
        return messages.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var text = message.Body.ToString();
        try
        {
            if (message.DequeueCount > _options.QueueMaxDequeueCount)
            {
                var failed = FieldErrors.ForBody($"could not be processed in {_options.QueueMaxDequeueCount} deliveries");
                await MoveAsideAsync(message, text, "processing failed repeatedly", failed, cancellationToken);
                return;
            }

            var errors = new FieldErrors();
            var json = Decode(text);
            ComplaintSubmission? submission = null;
            if (json.Length > _options.MaxRequestBytes)
            {
                errors.Add(FieldErrors.Body, $"must be at most {_options.MaxRequestBytes} bytes");
            }
            else
            {
                submission = SubmissionReader.ReadJson(json, errors);
            }

            var outcome = await _intake.SubmitAsync(submission, errors, "queue", null, message.MessageId, cancellationToken);
            if (!outcome.IsAccepted)
            {
                await MoveAsideAsync(message, text, "refused by validation", outcome.Errors, cancellationToken);
                return;
            }

            await _queues.Intake.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (storage, the case opener), one message must not stop the listener: it is
            // left on the queue, becomes visible again and is retried, up to the poison threshold.
            IntakeLogs.QueueMessageFailed(_logger, ex, message.MessageId, message.DequeueCount);
        }
    }

    private async Task MoveAsideAsync(QueueMessage message, string text, string reason, IDictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        await _queues.AddAsync(text, reason, errors, message.MessageId, cancellationToken);
        await _queues.Intake.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        IntakeLogs.Poisoned(_logger, message.MessageId, string.Join(",", errors.Keys));
    }

    /// <summary>The message as UTF-8 JSON; Base64 bodies (the Functions default encoding) are decoded.</summary>
    private static byte[] Decode(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length > 0 && trimmed[0] != '{' && trimmed[0] != '[')
        {
            var buffer = new byte[trimmed.Length];
            if (Convert.TryFromBase64Chars(trimmed, buffer, out var written) && written > 0 && buffer[0] == (byte)'{')
            {
                return buffer[..written];
            }
        }

        return Encoding.UTF8.GetBytes(text);
    }
}
