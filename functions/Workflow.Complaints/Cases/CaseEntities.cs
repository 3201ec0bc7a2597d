using System.Text.Json;
using Azure.Data.Tables;
using Workflow.Complaints.Intake;

namespace Workflow.Complaints.Cases;

/// <summary>Maps cases, customer records and summaries to and from table entities.</summary>
internal static class CaseEntities
{
    /// <summary>The row key of the single row in a case's partition of the case table.</summary>
    public const string CaseRow = "case";

    /// <summary>The row key of a customer record.</summary>
    public const string CustomerRow = "customer";

    public static TableEntity ToEntity(Case c) => WithoutNulls(new(c.CaseNumber, CaseRow)
    {
        [nameof(Case.Status)] = c.Status,
        [nameof(Case.Type)] = c.Type,
        [nameof(Case.Severity)] = c.Severity,
        [nameof(Case.Level)] = c.Level,
        [nameof(Case.Department)] = c.Department,
        [nameof(Case.Assignee)] = c.Assignee,
        [nameof(Case.MaskedPhone)] = c.MaskedPhone,
        [nameof(Case.PhoneHash)] = c.PhoneHash,
        [nameof(Case.Language)] = c.Language,
        [nameof(Case.Region)] = c.Region,
        [nameof(Case.BusinessLine)] = c.BusinessLine,
        [nameof(Case.Product)] = c.Product,
        [nameof(Case.Channel)] = c.Channel,
        [nameof(Case.CreatedAt)] = c.CreatedAt,
        [nameof(Case.NextDeadline)] = c.NextDeadline,
        [nameof(Case.NextClock)] = c.NextClock,
        [nameof(Case.FirstResponseAt)] = c.FirstResponseAt,
        [nameof(Case.ResolvedAt)] = c.ResolvedAt,
        [nameof(Case.ClosedAt)] = c.ClosedAt,
        [nameof(Case.SatisfactionScore)] = c.SatisfactionScore,
        [nameof(Case.ReopenedCount)] = c.ReopenedCount,
        [nameof(Case.FinalDecision)] = c.FinalDecision,
        [nameof(Case.AboutStaff)] = c.AboutStaff,
        [nameof(Case.HistoryPurgedAt)] = c.HistoryPurgedAt,
        ["RequestKind"] = c.Request?.Kind,
        // Table Storage has no decimal type; the invariant string keeps the amount exact.
        ["RequestAmount"] = c.Request?.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RequestCurrency"] = c.Request?.Currency,
        [nameof(Case.Revision)] = c.Revision,
        ["IsOpen"] = c.IsOpen,
    });

    /// <summary>The properties an index row copies from the case row (with <see cref="ToSummary(TableEntity)"/> they make a list line).</summary>
    private static readonly string[] SummaryProperties =
    [
        nameof(Case.Status), nameof(Case.Type), nameof(Case.Severity), nameof(Case.Level), nameof(Case.Department),
        nameof(Case.Assignee), nameof(Case.MaskedPhone), nameof(Case.CreatedAt), nameof(Case.NextDeadline),
        nameof(Case.NextClock), nameof(Case.SatisfactionScore), nameof(Case.Revision), "IsOpen",
    ];

    public static Case ToCase(TableEntity e)
    {
        var kind = e.GetString("RequestKind");
        var amount = e.GetString("RequestAmount");
        return new Case
        {
            CaseNumber = e.PartitionKey,
            Status = e.GetString(nameof(Case.Status)) ?? string.Empty,
            Type = e.GetString(nameof(Case.Type)) ?? string.Empty,
            Severity = e.GetString(nameof(Case.Severity)),
            Level = e.GetInt32(nameof(Case.Level)) ?? 0,
            Department = e.GetString(nameof(Case.Department)),
            Assignee = e.GetString(nameof(Case.Assignee)),
            MaskedPhone = e.GetString(nameof(Case.MaskedPhone)) ?? PhoneNumberMask.Mask(null),
            PhoneHash = e.GetString(nameof(Case.PhoneHash)),
            Language = e.GetString(nameof(Case.Language)) ?? IntakeVocabulary.Languages[0],
            Region = e.GetString(nameof(Case.Region)),
            BusinessLine = e.GetString(nameof(Case.BusinessLine)),
            Product = e.GetString(nameof(Case.Product)),
            Channel = e.GetString(nameof(Case.Channel)),
            CreatedAt = e.GetDateTimeOffset(nameof(Case.CreatedAt)) ?? DateTimeOffset.MinValue,
            NextDeadline = e.GetDateTimeOffset(nameof(Case.NextDeadline)),
            NextClock = e.GetString(nameof(Case.NextClock)),
            FirstResponseAt = e.GetDateTimeOffset(nameof(Case.FirstResponseAt)),
            ResolvedAt = e.GetDateTimeOffset(nameof(Case.ResolvedAt)),
            ClosedAt = e.GetDateTimeOffset(nameof(Case.ClosedAt)),
            SatisfactionScore = e.GetInt32(nameof(Case.SatisfactionScore)),
            ReopenedCount = e.GetInt32(nameof(Case.ReopenedCount)) ?? 0,
            FinalDecision = e.GetBoolean(nameof(Case.FinalDecision)) ?? false,
            AboutStaff = e.GetString(nameof(Case.AboutStaff)),
            HistoryPurgedAt = e.GetDateTimeOffset(nameof(Case.HistoryPurgedAt)),
            Request = kind is null ? null : new CustomerRequest(
                kind,
                amount is null ? null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
                e.GetString("RequestCurrency")),
            Revision = e.GetInt64(nameof(Case.Revision)) ?? 0,
        };
    }

    public static CaseSummary ToSummary(Case c) => new(
        c.CaseNumber, c.Status, c.Type, c.Severity, c.Level, c.Department, c.Assignee, c.MaskedPhone,
        c.CreatedAt, c.NextDeadline, c.NextClock, c.IsOpen, c.SatisfactionScore);

    /// <summary>Reads a summary from a case row or an index row (both carry the summary properties).</summary>
    public static CaseSummary ToSummary(TableEntity e) => new(
        e.GetString("CaseNumber") ?? e.PartitionKey,
        e.GetString(nameof(Case.Status)) ?? string.Empty,
        e.GetString(nameof(Case.Type)) ?? string.Empty,
        e.GetString(nameof(Case.Severity)),
        e.GetInt32(nameof(Case.Level)) ?? 0,
        e.GetString(nameof(Case.Department)),
        e.GetString(nameof(Case.Assignee)),
        e.GetString(nameof(Case.MaskedPhone)) ?? PhoneNumberMask.Mask(null),
        e.GetDateTimeOffset(nameof(Case.CreatedAt)) ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset(nameof(Case.NextDeadline)),
        e.GetString(nameof(Case.NextClock)),
        e.GetBoolean("IsOpen") ?? true,
        e.GetInt32(nameof(Case.SatisfactionScore)));

    /// <summary>An index row: the key chosen by <see cref="CaseIndexKeys"/> and a copy of the summary.</summary>
    public static TableEntity ToIndexEntity(CaseIndexKey key, Case c)
    {
        // The summary properties the case row has, under the index row's own keys.
        var row = new TableEntity(key.PartitionKey, key.RowKey) { ["CaseNumber"] = c.CaseNumber };
        var caseRow = ToEntity(c);
        foreach (var property in SummaryProperties)
        {
            if (caseRow.TryGetValue(property, out var value))
            {
                row[property] = value;
            }
        }

        return row;
    }

    public static TableEntity ToEntity(CustomerRecord r) => WithoutNulls(new(r.CaseNumber, CustomerRow)
    {
        [nameof(CustomerRecord.CustomerName)] = r.CustomerName,
        [nameof(CustomerRecord.PhoneE164)] = r.PhoneE164,
        [nameof(CustomerRecord.Description)] = r.Description,
        [nameof(CustomerRecord.Location)] = r.Location,
        [nameof(CustomerRecord.OccurredAt)] = r.OccurredAt,
        [nameof(CustomerRecord.Evidence)] = JsonSerializer.Serialize(r.Evidence),
        [nameof(CustomerRecord.AnonymisedAt)] = r.AnonymisedAt,
    });

    public static CustomerRecord ToCustomerRecord(TableEntity e) => new()
    {
        CaseNumber = e.PartitionKey,
        CustomerName = e.GetString(nameof(CustomerRecord.CustomerName)) ?? string.Empty,
        PhoneE164 = e.GetString(nameof(CustomerRecord.PhoneE164)) ?? string.Empty,
        Description = e.GetString(nameof(CustomerRecord.Description)) ?? string.Empty,
        Location = e.GetString(nameof(CustomerRecord.Location)),
        OccurredAt = e.GetDateTimeOffset(nameof(CustomerRecord.OccurredAt)),
        Evidence = JsonSerializer.Deserialize<string[]>(e.GetString(nameof(CustomerRecord.Evidence)) ?? "[]") ?? [],
        AnonymisedAt = e.GetDateTimeOffset(nameof(CustomerRecord.AnonymisedAt)),
    };

    /// <summary>Drops null properties: Table Storage stores absence, not null, and a replace removes them.</summary>
    public static TableEntity WithoutNulls(TableEntity entity)
    {
        foreach (var key in entity.Where(p => p.Value is null).Select(p => p.Key).ToArray())
        {
            entity.Remove(key);
        }

        return entity;
    }
}
