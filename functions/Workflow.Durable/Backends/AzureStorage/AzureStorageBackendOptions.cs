using Azure.Core;
using Workflow.Durable.Backend;

namespace Workflow.Durable.Backends.AzureStorage;

/// <summary>Settings of <see cref="AzureStorageOrchestrationBackend"/>: where the task hub lives and how it is worked.</summary>
public sealed class AzureStorageBackendOptions
{
    /// <summary>A storage connection string (Azurite or an account key). Either this or the service URIs with <see cref="Credential"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table service endpoint, used with <see cref="Credential"/> (managed identity).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The queue service endpoint, used with <see cref="Credential"/>.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>The blob service endpoint, used with <see cref="Credential"/>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The identity used with the service URIs (for example <c>DefaultAzureCredential</c>).</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The task hub name: the prefix of every table, queue and container (letters and digits, 3-45 characters).</summary>
    public string TaskHubName { get; set; } = "workflow";

    /// <summary>How many control queues (partitions) the task hub has. Fixed for the life of a task hub.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The clock for timers, timestamps and lease expiry.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lets tests fail or crash the backend at each <see cref="FaultPoint"/>.</summary>
    public IFaultInjector FaultInjector { get; set; } = NoFaults.Instance;

    /// <summary>This process's name in partition leases; unique per process.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>How long a partition lease lasts without renewal; after that another host may take it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often leases are renewed and the partition balance is checked.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long received control messages stay invisible while this host holds them; a crashed host's messages reappear after it.</summary>
    public TimeSpan ControlMessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a locked activity request stays invisible to other workers.</summary>
    public TimeSpan ActivityVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many deliveries a message may have before it is moved to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>The longest pause between polls of an idle queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a control message sent to a partition this backend owns is handed over in process (sent
    /// invisible, held at once, deleted after its turn) instead of being received back from the queue. A
    /// receive is the dearest queue request; the message is as durable either way. On by default.
    /// </summary>
    public bool HandOverOwnedMessages { get; set; } = true;

    /// <summary>The first delay before a failed message is delivered again; doubled per failure.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay before a failed message is delivered again.</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <see cref="IOrchestrationBackend.StopAsync"/> waits for locked work items before handing partitions over.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the first wrong one.</summary>
    public void Validate()
    {
        var hasServiceUris = TableServiceUri is not null && QueueServiceUri is not null && BlobServiceUri is not null && Credential is not null;
        if (string.IsNullOrWhiteSpace(ConnectionString) && !hasServiceUris)
        {
            throw new ArgumentException("Set ConnectionString, or TableServiceUri, QueueServiceUri, BlobServiceUri and Credential.", nameof(ConnectionString));
        }

        if (string.IsNullOrEmpty(TaskHubName) || TaskHubName.Length is < 3 or > 45 || !TaskHubName.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(TaskHubName[0]))
        {
            throw new ArgumentException("TaskHubName must be 3-45 ASCII letters or digits, starting with a letter.", nameof(TaskHubName));
        }

        Require(PartitionCount is >= 1 and <= 16, nameof(PartitionCount), "must be 1-16");
        Require(MaxDequeueCount >= 1, nameof(MaxDequeueCount), "must be at least 1");
        Require(string.IsNullOrWhiteSpace(WorkerId) is false, nameof(WorkerId), "must be set");
        Require(LeaseDuration > TimeSpan.Zero && LeaseRenewInterval > TimeSpan.Zero && LeaseRenewInterval < LeaseDuration, nameof(LeaseRenewInterval), "must be positive and shorter than LeaseDuration");
        Require(ControlMessageVisibilityTimeout >= TimeSpan.FromSeconds(1) && ActivityVisibilityTimeout >= TimeSpan.FromSeconds(1), nameof(ControlMessageVisibilityTimeout), "visibility timeouts must be at least one second");
        Require(MaxPollingInterval > TimeSpan.Zero && RetryBackoff >= TimeSpan.Zero && MaxRetryBackoff >= RetryBackoff && DrainTimeout >= TimeSpan.Zero, nameof(MaxPollingInterval), "intervals must be positive");
        // Draining happens on the lease loop; it must end before the other leases need renewing.
        Require(DrainTimeout + LeaseRenewInterval < LeaseDuration, nameof(DrainTimeout), "plus LeaseRenewInterval must be shorter than LeaseDuration");
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(FaultInjector);
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}.", name);
        }
    }
}
