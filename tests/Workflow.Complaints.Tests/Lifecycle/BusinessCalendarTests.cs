using Workflow.Complaints.Lifecycle;
using Xunit;
using static Workflow.Complaints.Tests.Lifecycle.China;

namespace Workflow.Complaints.Tests.Lifecycle;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Cn = ComplaintRules.Get<BusinessCalendars>().For("CN");

    [Fact]
    public void AddWorkingTime_AcrossWeekend_ContinuesMonday()
    {
        // Friday 2026-03-06 17:00 + 2 h: one hour on Friday, one on Monday.
        Assert.Equal(At(2026, 3, 9, 10), Cn.AddWorkingTime(At(2026, 3, 6, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddWorkingTime_AcrossNationalDayHoliday_ContinuesAfterIt()
    {
        // Wednesday 30 September, then 1-7 October off; Thursday 8 October is worked.
        Assert.Equal(At(2026, 10, 8, 10), Cn.AddWorkingTime(At(2026, 9, 30, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddWorkingTime_IntoMakeUpSaturday_CountsIt()
    {
        // Saturday 10 October 2026 is a make-up working day (调休).
        Assert.Equal(At(2026, 10, 10, 10), Cn.AddWorkingTime(At(2026, 10, 9, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddWorkingTime_FromOrdinarySaturdayToMakeUpSunday_CountsSunday()
    {
        // Saturday 19 September is off, Sunday 20 September is worked.
        Assert.Equal(At(2026, 9, 20, 10), Cn.AddWorkingTime(At(2026, 9, 19, 12), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void AddWorkingTime_SpringFestival_MakeUpDayThenHolidayWeek()
    {
        Assert.Equal(At(2026, 2, 14, 10), Cn.AddWorkingTime(At(2026, 2, 13, 17), TimeSpan.FromHours(2)));
        Assert.Equal(At(2026, 2, 24, 10), Cn.AddWorkingTime(At(2026, 2, 14, 17), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddWorkingTime_EndingAtClose_EndsThatDay()
    {
        Assert.Equal(At(2026, 3, 9, 18), Cn.AddWorkingTime(At(2026, 3, 9, 9), TimeSpan.FromHours(9)));
    }

    [Fact]
    public void AddWorkingTime_StartBeforeOpening_StartsAtOpening()
    {
        Assert.Equal(At(2026, 3, 9, 10), Cn.AddWorkingTime(At(2026, 3, 9, 6), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void WorkingTimeBetween_FridayEveningToMondayMorning_CountsOnlyWorkingHours()
    {
        Assert.Equal(TimeSpan.FromHours(2), Cn.WorkingTimeBetween(At(2026, 3, 6, 17), At(2026, 3, 9, 10)));
    }

    [Fact]
    public void WorkingTimeBetween_OverHolidayWeek_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, Cn.WorkingTimeBetween(At(2026, 10, 1, 9), At(2026, 10, 7, 18)));
    }

    [Fact]
    public void WorkingTimeBetween_Reversed_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, Cn.WorkingTimeBetween(At(2026, 3, 9, 12), At(2026, 3, 9, 10)));
    }

    [Theory]
    [InlineData(2026, 3, 9, 10, 2026, 3, 9, 10)] // inside working hours: itself
    [InlineData(2026, 3, 9, 18, 2026, 3, 10, 9)] // at closing: next morning
    [InlineData(2026, 3, 7, 11, 2026, 3, 9, 9)] // Saturday: Monday
    [InlineData(2026, 1, 1, 11, 2026, 1, 4, 9)] // New Year holiday: make-up Sunday 4 January
    public void NextWorkingMoment_Cases(int y, int m, int d, int h, int ey, int em, int ed, int eh)
    {
        Assert.Equal(At(ey, em, ed, eh), Cn.NextWorkingMoment(At(y, m, d, h)));
    }

    [Fact]
    public void AddWorkingDays_TwoDaysFromFridayAfternoon_IsTuesdayAfternoon()
    {
        Assert.Equal(At(2026, 3, 10, 15), Cn.AddWorkingDays(At(2026, 3, 6, 15), 2));
    }

    [Fact]
    public void AddWorkingDays_AcrossLabourDayAndMakeUpSaturday()
    {
        // Thursday 30 April 15:00; 1-5 May off; Wednesday 6 May worked: 3 + 9 = 12 h, then 6 h on Thursday 7 May.
        Assert.Equal(At(2026, 5, 7, 15), Cn.AddWorkingDays(At(2026, 4, 30, 15), 2));
        // Friday 8 May 15:00: Saturday 9 May is a make-up day.
        Assert.Equal(At(2026, 5, 11, 15), Cn.AddWorkingDays(At(2026, 5, 8, 15), 2));
    }

    [Theory]
    [InlineData(2026, 3, 9, 10, 2026, 3, 9)] // working morning: today
    [InlineData(2026, 3, 9, 7, 2026, 3, 9)] // before opening: today
    [InlineData(2026, 3, 9, 19, 2026, 3, 10)] // after closing: next working day
    [InlineData(2026, 3, 7, 10, 2026, 3, 9)] // Saturday: Monday
    [InlineData(2026, 1, 1, 10, 2026, 1, 4)] // holiday: the make-up Sunday
    public void SameWorkingDayEnd_Cases(int y, int m, int d, int h, int ey, int em, int ed)
    {
        Assert.Equal(At(ey, em, ed, 18), Cn.SameWorkingDayEnd(At(y, m, d, h)));
    }

    [Fact]
    public void IsWorkingDay_HolidayWeekendAndMakeUpDays()
    {
        Assert.False(Cn.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.False(Cn.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.True(Cn.IsWorkingDay(new DateOnly(2026, 2, 28)));
        Assert.True(Cn.IsWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void For_UnknownRegion_FallsBackToDefault()
    {
        Assert.Equal("CN", ComplaintRules.Get<BusinessCalendars>().For("XX").Region);
    }

    [Fact]
    public void AddWorkingTime_ConfiguredRegion_UsesItsZoneAndHours()
    {
        var calendars = ComplaintRules.Get<BusinessCalendars>(new Dictionary<string, string?>
        {
            ["BusinessCalendars:Regions:UK:TimeZone"] = "Europe/London",
            ["BusinessCalendars:Regions:UK:WorkdayStart"] = "08:30",
            ["BusinessCalendars:Regions:UK:WorkdayEnd"] = "17:00",
            ["BusinessCalendars:Regions:UK:WeekendDays:0"] = "Saturday",
            ["BusinessCalendars:Regions:UK:WeekendDays:1"] = "Sunday",
        });

        // Friday 6 March 2026 16:30 GMT + 1 h: 30 min on Friday, 30 min from 08:30 on Monday.
        var due = calendars.For("uk").AddWorkingTime(new DateTimeOffset(2026, 3, 6, 16, 30, 0, TimeSpan.Zero), TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), due);
    }
}
