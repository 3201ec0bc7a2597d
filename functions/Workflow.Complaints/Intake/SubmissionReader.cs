using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Workflow.Complaints.Intake;

/// <summary>
/// Reads a <see cref="ComplaintSubmission"/> from a JSON body (HTTP or queue message) or from form
/// fields, recording a field-level error for each value of the wrong shape instead of failing the
/// whole read, so the customer learns about every bad field at once.
/// </summary>
public static partial class SubmissionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads a JSON object body.</summary>
    public static ComplaintSubmission? ReadJson(ReadOnlyMemory<byte> json, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        // Some partner tools write a UTF-8 byte order mark; the reader would call it invalid JSON.
        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add(FieldErrors.Body, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(FieldErrors.Body, "must be a JSON object with the intake fields");
                return null;
            }

            return Build(name => JsonString(root, name, errors), JsonRequest(root, errors), JsonEvidence(root, errors), errors);
        }
    }

    /// <summary>Reads form fields (<c>request.kind</c>, <c>request.amount</c>, <c>request.currency</c>, repeated <c>evidence</c>).</summary>
    public static ComplaintSubmission ReadForm(IEnumerable<KeyValuePair<string, StringValues>> form, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var fields = form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var kind = FormString(fields, "request.kind", errors);
        var amountText = FormString(fields, "request.amount", errors);
        var currency = FormString(fields, "request.currency", errors);
        decimal? amount = null;
        if (amountText is not null)
        {
            if (decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors.Add("request.amount", "must be a number");
            }
        }

        var evidence = fields.TryGetValue("evidence", out var values)
            ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray()
            : [];

        var request = kind is null && amount is null && currency is null ? null : new CustomerRequest(kind, amount, currency);
        return Build(name => FormString(fields, name, errors), request, evidence, errors);
    }

    /// <summary>The submission from its text fields (read by <paramref name="text"/>), request and evidence.</summary>
    private static ComplaintSubmission Build(Func<string, string?> text, CustomerRequest? request, string[] evidence, FieldErrors errors) => new()
    {
        CustomerName = text("customerName"),
        Phone = text("phone"),
        Type = text("type"),
        Description = text("description"),
        Language = text("language"),
        Region = text("region"),
        BusinessLine = text("businessLine"),
        Product = text("product"),
        OccurredAt = ParseTime(text("occurredAt"), "occurredAt", errors),
        Location = text("location"),
        Request = request,
        Evidence = evidence,
        AboutStaff = text("aboutStaff"),
        Channel = text("channel"),
        IdempotencyKey = text("idempotencyKey"),
    };

    private static string? JsonString(JsonElement parent, string name, FieldErrors errors, string? path = null)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Null:
                return null;
            default:
                errors.Add(path ?? name, $"must be a string, not {Describe(value.ValueKind)}");
                return null;
        }
    }

    private static CustomerRequest? JsonRequest(JsonElement root, FieldErrors errors)
    {
        if (!root.TryGetProperty("request", out var request) || request.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (request.ValueKind != JsonValueKind.Object)
        {
            errors.Add("request", $"must be an object {{kind, amount?, currency?}}, not {Describe(request.ValueKind)}");
            return null;
        }

        decimal? amount = null;
        if (request.TryGetProperty("amount", out var amountElement) && amountElement.ValueKind != JsonValueKind.Null)
        {
            if (amountElement.ValueKind == JsonValueKind.Number && amountElement.TryGetDecimal(out var parsed))
            {
                amount = parsed;
            }
            else
            {
                errors.Add("request.amount", $"must be a number, not {Describe(amountElement.ValueKind)}");
            }
        }

        return new CustomerRequest(
            JsonString(request, "kind", errors, "request.kind"),
            amount,
            JsonString(request, "currency", errors, "request.currency"));
    }

    private static string[] JsonEvidence(JsonElement root, FieldErrors errors)
    {
        if (!root.TryGetProperty("evidence", out var evidence) || evidence.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (evidence.ValueKind != JsonValueKind.Array)
        {
            errors.Add("evidence", $"must be an array of strings, not {Describe(evidence.ValueKind)}");
            return [];
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in evidence.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                errors.Add($"evidence[{index}]", $"must be a string, not {Describe(item.ValueKind)}");
            }

            index++;
        }

        return [.. items];
    }

    private static string? FormString(Dictionary<string, StringValues> fields, string name, FieldErrors errors)
    {
        if (!fields.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            errors.Add(name, "must be given once");
            return null;
        }

        // A blank form input means "not given".
        return string.IsNullOrEmpty(values[0]) ? null : values[0];
    }

    private static DateTimeOffset? ParseTime(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // An offset is required: a bare local time is ambiguous across the regions we serve.
        if (IsoWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        errors.Add(field, "must be an ISO 8601 date and time with an offset, e.g. 2026-11-22T14:30:00+08:00");
        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        _ => "null",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
