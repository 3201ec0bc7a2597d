using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Retention;

/// <summary>Refuses retention settings that would purge too early or never run.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var errors = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            errors.Add("Retention:Interval must be at least one second.");
        }

        if (options.FirstRunDelay < TimeSpan.Zero)
        {
            errors.Add("Retention:FirstRunDelay must not be negative.");
        }

        if (options.HistoryDays < 1)
        {
            errors.Add("Retention:HistoryDays must be at least 1.");
        }

        if (options.CaseRecordDays < options.HistoryDays)
        {
            errors.Add("Retention:CaseRecordDays must not be less than Retention:HistoryDays.");
        }

        if (options.MaxCasesPerRun is < 1 or > 1_000_000)
        {
            errors.Add("Retention:MaxCasesPerRun must be between 1 and 1000000.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(10))
        {
            errors.Add("Retention:LeaseDuration must be at least ten seconds.");
        }

        if (options.ListedRuns is < 1 or > 1000)
        {
            errors.Add("Retention:ListedRuns must be between 1 and 1000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
