namespace Workflow.Complaints.Lifecycle;

/// <summary>Business calendars per region, bound from <c>BusinessCalendars</c>.</summary>
public sealed class BusinessCalendarOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "BusinessCalendars";

    /// <summary>The region used when a case names none or an unknown one.</summary>
    public string DefaultRegion { get; set; } = "";

    /// <summary>Calendars by region code (case-insensitive).</summary>
    public Dictionary<string, RegionCalendarOptions> Regions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
