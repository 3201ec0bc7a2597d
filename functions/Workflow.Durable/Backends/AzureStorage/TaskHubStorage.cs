using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>The tables, queues and container of one task hub, and how instance ids map to partitions.</summary>
internal sealed class TaskHubStorage
{
    public TaskHubStorage(AzureStorageBackendOptions options, StorageStatistics statistics)
    {
        var hub = options.TaskHubName;
        var lowerHub = hub.ToLowerInvariant();
        TableServiceClient tables;
        QueueServiceClient queues;
        BlobServiceClient blobs;
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(new StorageRequestCounter(statistics, "table"), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(new StorageRequestCounter(statistics, "queue"), HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(new StorageRequestCounter(statistics, "blob"), HttpPipelinePosition.PerRetry);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            tables = new TableServiceClient(options.ConnectionString, tableOptions);
            queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else
        {
            tables = new TableServiceClient(options.TableServiceUri!, options.Credential!, tableOptions);
            queues = new QueueServiceClient(options.QueueServiceUri!, options.Credential!, queueOptions);
            blobs = new BlobServiceClient(options.BlobServiceUri!, options.Credential!, blobOptions);
        }

        History = tables.GetTableClient(hub + "History");
        Instances = tables.GetTableClient(hub + "Instances");
        Partitions = tables.GetTableClient(hub + "Partitions");
        Timers = tables.GetTableClient(hub + "Timers");
        ControlQueues = Enumerable.Range(0, options.PartitionCount)
            .Select(i => queues.GetQueueClient($"{lowerHub}-control-{i.ToString("D2", CultureInfo.InvariantCulture)}"))
            .ToArray();
        WorkItems = queues.GetQueueClient(lowerHub + "-workitems");
        Poison = queues.GetQueueClient(lowerHub + "-poison");
        LargeMessages = blobs.GetBlobContainerClient(lowerHub + "-largemessages");
    }

    public TableClient History { get; }

    public TableClient Instances { get; }

    public TableClient Partitions { get; }

    public TableClient Timers { get; }

    public IReadOnlyList<QueueClient> ControlQueues { get; }

    public QueueClient WorkItems { get; }

    public QueueClient Poison { get; }

    public BlobContainerClient LargeMessages { get; }

    public IEnumerable<TableClient> AllTables => [History, Instances, Partitions, Timers];

    public IEnumerable<QueueClient> AllQueues => [.. ControlQueues, WorkItems, Poison];

    /// <summary>The partition of an instance: a stable hash of its id, the same in every process.</summary>
    public int PartitionOf(string instanceId) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(instanceId)) % (uint)ControlQueues.Count);

    public static string PartitionName(int partition) => "control-" + partition.ToString("D2", CultureInfo.InvariantCulture);
}
