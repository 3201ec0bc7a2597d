namespace Workflow.Complaints.Lifecycle;

/// <summary>The satisfaction follow-up (SPEC section 5) and activity retries, bound from <c>Lifecycle</c>; defaults in <see cref="ComplaintRulesDefaults"/>.</summary>
public sealed class LifecycleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Lifecycle";

    /// <summary>When the one survey reminder goes out, after the survey (SPEC: 24 h).</summary>
    public TimeSpan SurveyReminderAfter { get; set; }

    /// <summary>When an unanswered survey closes the case, after the survey (SPEC: 72 h).</summary>
    public TimeSpan SurveyCloseAfter { get; set; }

    /// <summary>A score at or below this reopens the case for a supervisor's review (SPEC: 2).</summary>
    public int LowScoreThreshold { get; set; }

    /// <summary>The most attempts of an activity (the first included) before the orchestration gives up on it.</summary>
    public int ActivityMaxAttempts { get; set; }

    /// <summary>The wait before an activity's second attempt; it doubles on each retry (durable timers).</summary>
    public TimeSpan ActivityFirstRetryInterval { get; set; }
}
