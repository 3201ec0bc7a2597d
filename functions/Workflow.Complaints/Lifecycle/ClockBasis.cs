using System.Text.Json.Serialization;

namespace Workflow.Complaints.Lifecycle;

/// <summary>How a clock counts time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClockBasis>))]
public enum ClockBasis
{
    /// <summary>Every hour counts, nights and holidays included.</summary>
    [JsonStringEnumMemberName("wall-clock")]
    WallClock,

    /// <summary>Only the region's working hours count.</summary>
    [JsonStringEnumMemberName("working-time")]
    WorkingTime,

    /// <summary>Runs out at the close of the working day it starts in (working time up to that close).</summary>
    [JsonStringEnumMemberName("same-working-day")]
    SameWorkingDay,
}
