using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Lifecycle;

/// <summary>Refuses calendars that cannot compute a deadline, at start-up.</summary>
internal sealed class BusinessCalendarOptionsValidator : IValidateOptions<BusinessCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, BusinessCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.Regions.ContainsKey(options.DefaultRegion))
        {
            failures.Add($"BusinessCalendars:DefaultRegion '{options.DefaultRegion}' is not among the configured regions.");
        }

        foreach (var (region, calendar) in options.Regions)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _))
            {
                failures.Add($"BusinessCalendars:Regions:{region}:TimeZone '{calendar.TimeZone}' is not a known time zone.");
            }

            if (calendar.WorkdayEnd <= calendar.WorkdayStart)
            {
                failures.Add($"BusinessCalendars:Regions:{region}: WorkdayEnd must be after WorkdayStart.");
            }

            if (calendar.WeekendDays.Distinct().Count() >= 7 && calendar.MakeUpWorkingDays.Count == 0)
            {
                failures.Add($"BusinessCalendars:Regions:{region} has no working days.");
            }

            var both = calendar.Holidays.Intersect(calendar.MakeUpWorkingDays).ToList();
            if (both.Count > 0)
            {
                failures.Add($"BusinessCalendars:Regions:{region}: {both[0]:yyyy-MM-dd} is both a holiday and a make-up working day.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
