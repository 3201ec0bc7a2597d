using System.ComponentModel.DataAnnotations;

namespace Workflow.Complaints.Cases;

/// <summary>Settings of the case store (section <c>Cases</c>).</summary>
public sealed class CaseStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Cases";

    /// <summary>Prefix of every table name, so several deployments (or test runs) can share an account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,30})?$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>The service time zone (IANA id): the date in case numbers and the default list range.</summary>
    [Required]
    public string ServiceTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Case numbers a host reserves per round trip to the daily counter; unused ones become gaps.</summary>
    [Range(1, 1000)]
    public int CaseNumberBlockSize { get; set; } = 10;

    /// <summary>Days listed when a case-list query names no date range.</summary>
    [Range(1, 3660)]
    public int DefaultListDays { get; set; } = 30;

    /// <summary>Largest page of a case list.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 200;

    /// <summary>Attempts of an ETag-guarded update before it gives up under contention.</summary>
    [Range(1, 100)]
    public int UpdateAttempts { get; set; } = 10;
}
