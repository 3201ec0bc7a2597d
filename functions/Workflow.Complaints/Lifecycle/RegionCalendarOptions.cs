namespace Workflow.Complaints.Lifecycle;

/// <summary>One region's working hours, weekend, public holidays and make-up working days (调休).</summary>
public sealed class RegionCalendarOptions
{
    /// <summary>IANA (or Windows) time zone id, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Local start of the working day.</summary>
    public TimeOnly WorkdayStart { get; set; }

    /// <summary>Local end of the working day (after the start).</summary>
    public TimeOnly WorkdayEnd { get; set; }

    /// <summary>Days off every week unless listed in <see cref="MakeUpWorkingDays"/>.</summary>
    public List<DayOfWeek> WeekendDays { get; set; } = [];

    /// <summary>Public holidays: never worked.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Make-up working days (调休): worked even when they fall on a weekend day.</summary>
    public List<DateOnly> MakeUpWorkingDays { get; set; } = [];
}
