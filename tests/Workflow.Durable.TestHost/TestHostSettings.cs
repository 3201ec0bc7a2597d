using Workflow.Durable.Backends.AzureStorage;

namespace Workflow.Durable.TestHost;

/// <summary>How the test host runs: short leases and visibility timeouts so a killed host's work moves on within seconds.</summary>
public static class TestHostSettings
{
    /// <summary>The environment variable that carries the storage connection string to the process.</summary>
    public const string StorageVariable = "WORKFLOW_TESTHOST_STORAGE";

    /// <summary>How long each Step activity takes.</summary>
    public static readonly TimeSpan ActivityTime = TimeSpan.FromMilliseconds(20);

    /// <summary>The backend options of a host; the in-process hosts of the tests use the same.</summary>
    public static AzureStorageBackendOptions BackendOptions(string connectionString, string taskHub, string workerId) => new()
    {
        ConnectionString = connectionString,
        TaskHubName = taskHub,
        WorkerId = workerId,
        PartitionCount = 6,
        LeaseDuration = TimeSpan.FromSeconds(6),
        LeaseRenewInterval = TimeSpan.FromSeconds(1),
        DrainTimeout = TimeSpan.FromSeconds(4),
        ControlMessageVisibilityTimeout = TimeSpan.FromSeconds(6),
        ActivityVisibilityTimeout = TimeSpan.FromSeconds(6),
        MaxPollingInterval = TimeSpan.FromMilliseconds(250),
        RetryBackoff = TimeSpan.FromMilliseconds(200),
    };
}
