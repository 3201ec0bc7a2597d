using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>The text of a queue message: the task message inline, or the name of the blob that holds it.</summary>
internal sealed record QueueEnvelope(TaskMessage? Message, string? BlobName)
{
    public static async Task<string> EncodeAsync(TaskMessage message, PayloadStore payloads, CancellationToken cancellationToken)
    {
        var json = StorageJson.Serialize(message with { DequeueCount = 0 });
        if (json.Length <= LargePayloadStore.MaxInlineQueueChars)
        {
            return StorageJson.Serialize(new QueueEnvelope(message with { DequeueCount = 0 }, null));
        }

        var name = PayloadStore.BlobNameFor(message.InstanceId, json);
        await payloads.Blobs.UploadAsync(name, json, cancellationToken).ConfigureAwait(false);
        return StorageJson.Serialize(new QueueEnvelope(null, name));
    }

    public static async Task<TaskMessage> DecodeAsync(string text, PayloadStore payloads, CancellationToken cancellationToken)
    {
        var envelope = StorageJson.Deserialize<QueueEnvelope>(text);
        if (envelope.Message is { } inline)
        {
            return inline;
        }

        if (envelope.BlobName is { } name)
        {
            return StorageJson.Deserialize<TaskMessage>(await payloads.Blobs.DownloadAsync(name, cancellationToken).ConfigureAwait(false));
        }

        throw new FormatException("A queue message carries neither a task message nor a blob name.");
    }
}
