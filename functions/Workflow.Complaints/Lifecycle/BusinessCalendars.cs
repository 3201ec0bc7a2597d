using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Lifecycle;

/// <summary>The configured calendars by region, built once.</summary>
public sealed class BusinessCalendars
{
    private readonly Dictionary<string, BusinessCalendar> _byRegion;
    private readonly BusinessCalendar _default;

    /// <summary>Builds every configured region's calendar.</summary>
    public BusinessCalendars(IOptions<BusinessCalendarOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _byRegion = value.Regions.ToDictionary(
            r => r.Key, r => new BusinessCalendar(r.Key, r.Value), StringComparer.OrdinalIgnoreCase);
        _default = _byRegion[value.DefaultRegion];
    }

    /// <summary>The calendar of <paramref name="region"/>, or the default region's when it is empty or unknown.</summary>
    public BusinessCalendar For(string? region) =>
        region is not null && _byRegion.TryGetValue(region.Trim(), out var calendar) ? calendar : _default;
}
