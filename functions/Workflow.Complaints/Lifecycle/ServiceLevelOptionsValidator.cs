using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Refuses service levels that leave a clock undefined or meaningless, at start-up.</summary>
internal sealed class ServiceLevelOptionsValidator : IValidateOptions<ServiceLevelOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceLevelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var clock in Enum.GetValues<ClockKind>())
        {
            if (!options.Clocks.TryGetValue(clock, out var policy))
            {
                failures.Add($"ServiceLevels:Clocks:{clock} is missing.");
                continue;
            }

            CheckTree($"ServiceLevels:Clocks:{clock}", policy, failures);
            foreach (var (type, forType) in policy.ByType)
            {
                CheckTree($"ServiceLevels:Clocks:{clock}:ByType:{type}", forType, failures);
            }
        }

        CheckFraction("WarnAtFraction", options.WarnAtFraction, failures);
        CheckFraction("UrgentFactor", options.UrgentFactor, failures);
        CheckFraction("SupervisorClockFraction", options.SupervisorClockFraction, failures);
        if (options.AgentCompensationAuthority < 0)
        {
            failures.Add("ServiceLevels:AgentCompensationAuthority must not be negative.");
        }

        if (options.ProgressInterval <= TimeSpan.Zero)
        {
            failures.Add("ServiceLevels:ProgressInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTree(string path, ClockPolicyOptions policy, List<string> failures)
    {
        CheckPolicy(path, policy, failures);
        foreach (var (severity, replacement) in policy.BySeverity)
        {
            CheckPolicy($"{path}:BySeverity:{severity}", replacement, failures);
        }
    }

    private static void CheckPolicy(string path, ClockPolicyOptions policy, List<string> failures)
    {
        if (policy.Basis == ClockBasis.SameWorkingDay)
        {
            if (policy.Length is not null || policy.WorkingDays is not null)
            {
                failures.Add($"{path}: a same-working-day clock takes no Length or WorkingDays.");
            }

            return;
        }

        if ((policy.Length is null) == (policy.WorkingDays is null))
        {
            failures.Add($"{path}: give exactly one of Length and WorkingDays.");
        }
        else if (policy.Length <= TimeSpan.Zero || policy.WorkingDays <= 0)
        {
            failures.Add($"{path}: the length must be positive.");
        }
        else if (policy.WorkingDays is not null && policy.Basis != ClockBasis.WorkingTime)
        {
            failures.Add($"{path}: WorkingDays needs Basis WorkingTime.");
        }
    }

    private static void CheckFraction(string label, double value, List<string> failures)
    {
        if (value is not (> 0 and <= 1))
        {
            failures.Add($"ServiceLevels:{label} must be in (0, 1].");
        }
    }
}
