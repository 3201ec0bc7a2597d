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
}
