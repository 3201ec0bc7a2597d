using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// The text of a queue message: one or more task messages for the same instance, inline, or the name of
/// the blob that holds them. The messages one commit sends to one instance travel as one queue message,
/// so they are received, applied and deleted together and in the order they were sent: a queue does not
/// keep order between messages, and a split batch could hand the receiver part of it first.
/// </summary>
internal sealed record QueueEnvelope(IReadOnlyList<TaskMessage>? Messages, string? BlobName)
{
    public static Task<string> EncodeAsync(TaskMessage message, PayloadStore payloads, CancellationToken cancellationToken) =>
        EncodeAsync([message], payloads, cancellationToken);

    /// <summary>Encodes <paramref name="messages"/>, which must all be for one instance, as one queue message.</summary>
    public static async Task<string> EncodeAsync(IReadOnlyList<TaskMessage> messages, PayloadStore payloads, CancellationToken cancellationToken)
    {
        if (messages.Count == 0 || messages.Any(m => m.InstanceId != messages[0].InstanceId))
        {
            throw new ArgumentException("A queue message carries one or more messages for one instance.", nameof(messages));
        }

        var clean = messages.Select(m => m with { DequeueCount = 0 }).ToList();
        var text = StorageJson.Serialize(new QueueEnvelope(clean, null));
        if (text.Length <= LargePayloadStore.MaxInlineQueueChars)
        {
            return text;
        }

        var json = StorageJson.Serialize(clean);
        var name = PayloadStore.BlobNameFor(messages[0].InstanceId, json);
        await payloads.Blobs.UploadAsync(name, json, cancellationToken).ConfigureAwait(false);
        return StorageJson.Serialize(new QueueEnvelope(null, name));
    }

    /// <summary>Reads the messages of a queue message, in the order they were sent.</summary>
    public static async Task<IReadOnlyList<TaskMessage>> DecodeAsync(string text, PayloadStore payloads, CancellationToken cancellationToken)
    {
        var envelope = StorageJson.Deserialize<QueueEnvelope>(text);
        var messages = envelope.Messages;
        if (messages is null && envelope.BlobName is { } name)
        {
            messages = StorageJson.Deserialize<List<TaskMessage>>(await payloads.Blobs.DownloadAsync(name, cancellationToken).ConfigureAwait(false));
        }

        if (messages is null || messages.Count == 0)
        {
            throw new FormatException("A queue message carries neither task messages nor a blob name.");
        }

        if (messages.Any(m => m is null || m.InstanceId != messages[0].InstanceId))
        {
            throw new FormatException("A queue message carries messages for more than one instance.");
        }

        return messages;
    }
}
