using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>
/// Keeps strings that are too large for a table property or a queue message in the task hub's
/// large-message container, under the owning instance's prefix so a purge finds them.
/// </summary>
internal sealed class LargePayloadStore(BlobContainerClient container, StorageStatistics statistics)
{
    /// <summary>Strings up to this many characters stay inline in a table property (the limit is 32K; headroom keeps transactions under 4 MB).</summary>
    public const int MaxInlineTableChars = 16 * 1024;

    /// <summary>Queue message text up to this many characters is sent inline (the limit is 64 KiB).</summary>
    public const int MaxInlineQueueChars = 48 * 1024;

    public static string BlobPrefix(string instanceId) => instanceId + "/";

    public async Task UploadAsync(string blobName, string content, CancellationToken cancellationToken)
    {
        statistics.Count(StorageOperation.BlobUpload);
        var blob = container.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(content), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> DownloadAsync(string blobName, CancellationToken cancellationToken)
    {
        statistics.Count(StorageOperation.BlobDownload);
        var result = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(result.Value.Content.ToMemory().Span);
    }

    /// <summary>Deletes every blob of an instance; returns how many were deleted.</summary>
    public async Task<int> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        statistics.Count(StorageOperation.BlobOther);
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPrefix(instanceId) }, cancellationToken).ConfigureAwait(false))
        {
            statistics.Count(StorageOperation.BlobOther);
            try
            {
                await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Deleted concurrently: the goal is reached.
            }
        }

        return deleted;
    }

    public async Task<int> CountInstanceBlobsAsync(string instanceId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var unused in container.GetBlobsAsync(new GetBlobsOptions { Prefix = BlobPrefix(instanceId) }, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
