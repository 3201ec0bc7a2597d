using System.Globalization;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Staff;

/// <summary>
/// The query string of <c>GET /api/cases</c>: <c>status</c>, <c>type</c>, <c>severity</c>, <c>department</c>,
/// <c>level</c> (0-2), <c>open=true</c> (open cases by next deadline), <c>overdue=true</c> (open cases past their
/// deadline now), <c>from</c> / <c>to</c> (created dates, <c>yyyy-MM-dd</c> in the service time zone),
/// <c>pageSize</c> and <c>continuationToken</c> (from the previous page, with the same filters).
/// </summary>
public static class CaseListParameters
{
    /// <summary>The <see cref="CaseListQuery"/> of <paramref name="query"/>, or its field errors.</summary>
    public static (CaseListQuery? Query, FieldErrors Errors) Parse(IQueryCollection query, DateTimeOffset now, int maxPageSize)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new FieldErrors();
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "status", "type", "severity", "department", "level", "open", "overdue", "from", "to", "pageSize", "continuationToken",
        };
        foreach (var name in query.Keys.Where(k => !known.Contains(k)))
        {
            errors.Add(name, "is not a filter of the case list");
        }

        string? One(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;

        var status = One("status");
        if (status is not null && !CaseStatusNames.TryParse(status, out _))
        {
            errors.Add("status", "must be one of " + string.Join(", ", Enum.GetValues<CaseStatus>().Select(s => s.ToName())));
        }

        var type = One("type");
        if (type is not null && !CaseTypeNames.TryParse(type, out _))
        {
            errors.Add("type", "must be one of " + string.Join(", ", Enum.GetValues<CaseType>().Select(t => t.ToName())));
        }

        var severity = One("severity");
        if (severity is not null && !WireNames<Severity>.TryParse(severity, out _))
        {
            errors.Add("severity", "must be normal, urgent or critical");
        }

        int? level = null;
        if (One("level") is { } levelText)
        {
            if (int.TryParse(levelText, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is >= 0 and <= 2)
            {
                level = l;
            }
            else
            {
                errors.Add("level", "must be 0, 1 or 2");
            }
        }

        var open = Flag(errors, "open", One("open"));
        var overdue = Flag(errors, "overdue", One("overdue"));
        var from = Day(errors, "from", One("from"));
        var to = Day(errors, "to", One("to"));
        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("to", "must not be before from");
        }

        var pageSize = 50;
        if (One("pageSize") is { } sizeText &&
            (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > maxPageSize))
        {
            errors.Add("pageSize", $"must be between 1 and {maxPageSize}");
        }

        if (!errors.IsEmpty)
        {
            return (null, errors);
        }

        return (new CaseListQuery
        {
            Status = status is null ? null : CaseStatusNames.TryParse(status, out var s) ? s.ToName() : null,
            Type = type is null ? null : CaseTypeNames.TryParse(type, out var ty) ? ty.ToName() : null,
            Severity = severity is null ? null : WireNames<Severity>.TryParse(severity, out var sv) ? WireNames<Severity>.Of(sv) : null,
            Department = One("department"),
            Level = level,
            OpenOnly = open,
            OverdueAt = overdue ? now : null,
            CreatedFrom = from,
            CreatedTo = to,
            PageSize = pageSize,
            ContinuationToken = One("continuationToken"),
        }, errors);
    }

    private static bool Flag(FieldErrors errors, string name, string? text)
    {
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(name, "must be true or false");
        return false;
    }

    private static DateOnly? Day(FieldErrors errors, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(name, "must be a date yyyy-MM-dd");
        return null;
    }
}
