namespace Workflow.Complaints.Lifecycle;

/// <summary>
/// Working-time arithmetic for one region. Every instant in and out is an absolute
/// <see cref="DateTimeOffset"/>; working hours are applied in the region's time zone. Pure: the
/// caller passes the time (in an orchestrator, its replay-safe current time).
/// </summary>
public sealed class BusinessCalendar
{
    // A calendar with no working day would loop for ever; nothing real is closed this long.
    private const int MaxDaysScanned = 3 * 366;

    private readonly TimeZoneInfo _zone;
    private readonly TimeOnly _open;
    private readonly TimeOnly _close;
    private readonly HashSet<DayOfWeek> _weekend;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;

    /// <summary>Creates the calendar of one region.</summary>
    public BusinessCalendar(string region, RegionCalendarOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(options);
        if (options.WorkdayEnd <= options.WorkdayStart)
        {
            throw new ArgumentException($"Region {region}: the working day must end after it starts.", nameof(options));
        }

        Region = region;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _open = options.WorkdayStart;
        _close = options.WorkdayEnd;
        _weekend = [.. options.WeekendDays];
        _holidays = [.. options.Holidays];
        _makeUpDays = [.. options.MakeUpWorkingDays];
    }

    /// <summary>The region code.</summary>
    public string Region { get; }

    /// <summary>The region's time zone.</summary>
    public TimeZoneInfo TimeZone => _zone;

    /// <summary>The working time of one full working day (the unit of "working day" clocks).</summary>
    public TimeSpan WorkingDayLength => _close - _open;

    /// <summary>Whether a local date is worked: a make-up day always, a holiday never, else not a weekend day.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_makeUpDays.Contains(date))
        {
            return true;
        }

        return !_holidays.Contains(date) && !_weekend.Contains(date.DayOfWeek);
    }

    /// <summary>Whether <paramref name="instant"/> falls inside working hours.</summary>
    public bool IsWorkingTime(DateTimeOffset instant) => NextWorkingMoment(instant) == instant;

    /// <summary><paramref name="instant"/> itself inside working hours, else the next opening.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        foreach (var (open, close) in WorkingPeriodsFrom(instant))
        {
            if (instant < close)
            {
                return instant > open ? instant : open;
            }
        }

        throw NoWorkingTime();
    }

    /// <summary>The instant at which <paramref name="duration"/> of working time has passed since <paramref name="start"/>.</summary>
    /// <remarks>A clock that runs out exactly at closing time ends then, not at the next opening.</remarks>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return start;
        }

        var remaining = duration;
        foreach (var (open, close) in WorkingPeriodsFrom(start))
        {
            var from = start > open ? start : open;
            if (from >= close)
            {
                continue;
            }

            var available = close - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw NoWorkingTime();
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (open, close) in WorkingPeriodsFrom(from))
        {
            if (open >= to)
            {
                return total;
            }

            var start = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>A "working days" clock: <paramref name="days"/> times <see cref="WorkingDayLength"/> of working time.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return AddWorkingTime(start, WorkingDayLength * days);
    }

    /// <summary>
    /// The close of the working day <paramref name="instant"/> belongs to: today's close when it is
    /// before closing on a working day, else the close of the next working day (the inquiry clock).
    /// </summary>
    public DateTimeOffset SameWorkingDayEnd(DateTimeOffset instant)
    {
        foreach (var (_, close) in WorkingPeriodsFrom(instant))
        {
            if (instant < close)
            {
                return close;
            }
        }

        throw NoWorkingTime();
    }

    /// <summary>The local opening and closing instants of each working day, starting with the day of <paramref name="instant"/>.</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> WorkingPeriodsFrom(DateTimeOffset instant)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                yield return (ToInstant(day, _open), ToInstant(day, _close));
            }
        }
    }

    private DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private InvalidOperationException NoWorkingTime() =>
        new($"The calendar of region {Region} has no working time within {MaxDaysScanned} days.");
}
