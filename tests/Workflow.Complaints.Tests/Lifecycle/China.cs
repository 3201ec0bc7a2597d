namespace Workflow.Complaints.Tests.Lifecycle;

/// <summary>Instants in China Standard Time (UTC+8), the default CN calendar's zone.</summary>
internal static class China
{
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
