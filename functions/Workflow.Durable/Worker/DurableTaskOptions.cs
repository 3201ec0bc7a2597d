using System.ComponentModel.DataAnnotations;

namespace Workflow.Durable.Worker;

/// <summary>
/// Runtime settings, bound from <c>host.json</c>'s <c>extensions:durableTask</c> section with Durable
/// Functions' setting names.
/// </summary>
public sealed class DurableTaskOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "extensions:durableTask";

    /// <summary>The task hub: the set of tables, queues and containers this app's instances live in.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$", ErrorMessage = "hubName must be 3-45 letters and digits, starting with a letter.")]
    public string HubName { get; set; } = "ComplaintsHub";

    /// <summary>Orchestration turns processed at once by one worker.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10;

    /// <summary>Activities run at once by one worker.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    /// <summary>Storage-provider settings.</summary>
    public StorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary>The <c>storageProvider</c> part of <see cref="DurableTaskOptions"/>.</summary>
public sealed class StorageProviderOptions
{
    /// <summary>How many control-queue partitions the task hub has (Azure Storage backend).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>How long a received control-queue message stays invisible to other hosts (Azure Storage backend; its default when unset).</summary>
    public TimeSpan? ControlQueueVisibilityTimeout { get; set; }

    /// <summary>How long a received work-item (activity) message stays invisible to other hosts (Azure Storage backend; its default when unset).</summary>
    public TimeSpan? WorkItemQueueVisibilityTimeout { get; set; }

    /// <summary>The longest wait between polls of an idle queue (Azure Storage backend; its default when unset).</summary>
    public TimeSpan? MaxQueuePollingInterval { get; set; }

    /// <summary>How long a host owns a partition without renewing its lease: a dead host's partitions move after this (Azure Storage backend).</summary>
    public TimeSpan? PartitionLeaseDuration { get; set; }

    /// <summary>How often a host renews its partition leases (Azure Storage backend; shorter than the lease).</summary>
    public TimeSpan? PartitionLeaseRenewInterval { get; set; }

    /// <summary>How long a host finishes in-flight work of a partition it hands over (Azure Storage backend; with the renew interval, shorter than the lease).</summary>
    public TimeSpan? PartitionDrainTimeout { get; set; }
}
