using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Azure.Data.Tables;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// Stores a string property inline when it fits, else in a content-addressed blob under the
/// instance's prefix. Content addressing makes a retried upload harmless and lets an owner skip
/// uploads it already made.
/// </summary>
internal sealed class PayloadStore(LargePayloadStore blobs)
{
    public LargePayloadStore Blobs { get; } = blobs;

    public static string BlobNameFor(string instanceId, string content)
    {
        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes(content));
        return LargePayloadStore.BlobPrefix(instanceId) + "p/" + Convert.ToHexStringLower(hash) + "-" + content.Length.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Puts <paramref name="value"/> into <paramref name="entity"/> as <paramref name="column"/> or <c>{column}BlobName</c>.</summary>
    public async Task SetAsync(TableEntity entity, string column, string? value, string instanceId, int maxInlineChars, ISet<string>? knownBlobs, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length <= maxInlineChars)
        {
            entity[column] = value;
            return;
        }

        var name = BlobNameFor(instanceId, value);
        if (knownBlobs is null || !knownBlobs.Contains(name))
        {
            await Blobs.UploadAsync(name, value, cancellationToken).ConfigureAwait(false);
            knownBlobs?.Add(name);
        }

        entity[column + "BlobName"] = name;
    }

    /// <summary>Reads a property written by <see cref="SetAsync"/>.</summary>
    public async Task<string?> GetAsync(TableEntity entity, string column, ISet<string>? knownBlobs, CancellationToken cancellationToken)
    {
        if (entity.GetString(column) is { } inline)
        {
            return inline;
        }

        if (entity.GetString(column + "BlobName") is { } name)
        {
            knownBlobs?.Add(name);
            return await Blobs.DownloadAsync(name, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
