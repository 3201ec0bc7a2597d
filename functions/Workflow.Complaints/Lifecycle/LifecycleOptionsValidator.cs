using Microsoft.Extensions.Options;
using Workflow.Complaints.Survey;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Checks <see cref="LifecycleOptions"/> at start-up.</summary>
public sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.SurveyReminderAfter <= TimeSpan.Zero)
        {
            errors.Add("Lifecycle:SurveyReminderAfter must be positive.");
        }

        if (options.SurveyCloseAfter <= options.SurveyReminderAfter)
        {
            errors.Add("Lifecycle:SurveyCloseAfter must be later than Lifecycle:SurveyReminderAfter.");
        }

        if (options.LowScoreThreshold < SurveyScore.Min - 1 || options.LowScoreThreshold > SurveyScore.Max)
        {
            errors.Add($"Lifecycle:LowScoreThreshold must be between {SurveyScore.Min - 1} and {SurveyScore.Max}.");
        }

        if (options.ActivityMaxAttempts < 1)
        {
            errors.Add("Lifecycle:ActivityMaxAttempts must be at least 1.");
        }

        if (options.ActivityFirstRetryInterval <= TimeSpan.Zero)
        {
            errors.Add("Lifecycle:ActivityFirstRetryInterval must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
