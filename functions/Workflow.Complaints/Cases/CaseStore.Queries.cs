using Azure.Data.Tables;

namespace Workflow.Complaints.Cases;

public sealed partial class CaseStore
{
    /// <summary>
    /// Cases opened since <paramref name="since"/> by the same phone number (repeat detection):
    /// one range query on the phone-hash partition of the index.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> FindRecentByPhoneAsync(string phoneE164, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(phoneE164);
        var index = await _tables.GetAsync(StorageTables.Index, cancellationToken);
        var partition = CaseIndexKeys.ByPhone + _phoneHash.Compute(phoneE164);
        var from = TableKey.Time(since);
        var found = new List<CaseSummary>();
        await foreach (var e in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from}"), cancellationToken: cancellationToken))
        {
            found.Add(CaseEntities.ToSummary(e));
        }

        return found;
    }

    /// <summary>
    /// A page of the case list. Open-case queries read one index partition (all open cases, a
    /// department's or a level's) in next-deadline order, overdue ones as a key range; other
    /// queries read the case table's key range of the created dates, in case-number order. The
    /// remaining filters are applied by the service within that range.
    /// </summary>
    public async Task<CasePage> ListAsync(CaseListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, _options.MaxPageSize);
        var filters = new List<string>();
        TableClient table;
        if (query.OpenOnly || query.OverdueAt is not null)
        {
            table = await _tables.GetAsync(StorageTables.Index, cancellationToken);
            string partition;
            if (query.Level is { } level)
            {
                partition = CaseIndexKeys.LevelPartition(level);
                Add(filters, "Department", query.Department);
            }
            else if (query.Department is not null)
            {
                partition = CaseIndexKeys.DepartmentPartition(query.Department);
            }
            else
            {
                partition = CaseIndexKeys.Open;
            }

            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"));
            if (query.OverdueAt is { } now)
            {
                filters.Add(TableClient.CreateQueryFilter($"RowKey lt {TableKey.Time(now)}"));
            }

            AddDateRange(filters, query, "CreatedAt");
        }
        else
        {
            table = await _tables.GetAsync(StorageTables.Cases, cancellationToken);
            var (from, to) = DateRange(query);
            var lower = CaseNumber.DayPrefix(from);
            var upper = CaseNumber.DayPrefix(to.AddDays(1));
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey ge {lower} and PartitionKey lt {upper} and RowKey eq {CaseEntities.CaseRow}"));
            Add(filters, "Department", query.Department);
            if (query.Level is { } level)
            {
                filters.Add(TableClient.CreateQueryFilter($"Level eq {level}"));
            }
        }

        Add(filters, "Status", query.Status);
        Add(filters, "Type", query.Type);
        Add(filters, "Severity", query.Severity);

        var pages = table.QueryAsync<TableEntity>(string.Join(" and ", filters), pageSize, cancellationToken: cancellationToken)
            .AsPages(query.ContinuationToken, pageSize);
        await foreach (var page in pages)
        {
            return new CasePage([.. page.Values.Select(CaseEntities.ToSummary)], page.ContinuationToken);
        }

        return new CasePage([], null);
    }

    private (DateOnly From, DateOnly To) DateRange(CaseListQuery query)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone).DateTime);
        var to = query.CreatedTo ?? today;
        var from = query.CreatedFrom ?? to.AddDays(1 - _options.DefaultListDays);
        return (from, to);
    }

    private void AddDateRange(List<string> filters, CaseListQuery query, string property)
    {
        if (query.CreatedFrom is { } from)
        {
            var start = StartOfDay(from);
            filters.Add($"{property} ge {TableClient.CreateQueryFilter($"{start}")}");
        }

        if (query.CreatedTo is { } to)
        {
            var end = StartOfDay(to.AddDays(1));
            filters.Add($"{property} lt {TableClient.CreateQueryFilter($"{end}")}");
        }
    }

    private DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static void Add(List<string> filters, string property, string? value)
    {
        if (value is not null)
        {
            filters.Add($"{property} eq {TableKey.Quote(value)}");
        }
    }
}
