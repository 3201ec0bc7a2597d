namespace Workflow.Durable;

/// <summary>
/// A retry policy for activities and sub-orchestrations. Retries are durable: the wait between
/// attempts is a durable timer, so a retry schedule survives restarts and replays deterministically.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="maxNumberOfAttempts">The most attempts, the first included (at least 1).</param>
    /// <param name="firstRetryInterval">The wait before the second attempt (positive).</param>
    /// <param name="backoffCoefficient">The factor applied to the wait after each attempt (at least 1).</param>
    /// <param name="maxRetryInterval">The longest wait between attempts; unbounded when null.</param>
    /// <param name="retryTimeout">No attempt starts later than this after the first; unbounded when null.</param>
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval;
        RetryTimeout = retryTimeout;
    }

    /// <summary>The most attempts, the first included.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>The wait before the second attempt.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>The factor applied to the wait after each attempt.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan? MaxRetryInterval { get; }

    /// <summary>No attempt starts later than this after the first attempt started.</summary>
    public TimeSpan? RetryTimeout { get; }

    /// <summary>Decides whether a failure is worth retrying; every failure when null.</summary>
    public Func<TaskFailureDetails, bool>? HandleFailure { get; init; }

    /// <summary>The wait after attempt number <paramref name="attempt"/> (1-based) failed.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = FirstRetryInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
        if (MaxRetryInterval is { } max && delay > max.TotalMilliseconds)
        {
            delay = max.TotalMilliseconds;
        }

        return TimeSpan.FromMilliseconds(delay);
    }
}

/// <summary>Options for one activity or sub-orchestration call.</summary>
public record TaskOptions
{
    /// <summary>The retry policy; no retries when null.</summary>
    public RetryPolicy? Retry { get; init; }

    /// <summary>Options with the given retry policy.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new() { Retry = policy };
}

/// <summary>Options for a sub-orchestration call.</summary>
public record SubOrchestrationOptions : TaskOptions
{
    /// <summary>The child's instance id; derived from the parent's id and the task id when null.</summary>
    public string? InstanceId { get; init; }
}

/// <summary>Options for scheduling a new orchestration instance.</summary>
public record StartOrchestrationOptions
{
    /// <summary>The instance id; a new GUID when null.</summary>
    public string? InstanceId { get; init; }

    /// <summary>When the instance should start; now when null.</summary>
    public DateTimeOffset? StartAt { get; init; }
}
