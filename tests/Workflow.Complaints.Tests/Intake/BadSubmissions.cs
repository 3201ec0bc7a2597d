using System.Text.Json.Nodes;
using Xunit;

namespace Workflow.Complaints.Tests.Intake;

/// <summary>The table of bad submissions: each must be refused with an error on the named field and store nothing.</summary>
public static class BadSubmissions
{
    public const string Json = "application/json";
    public const string Form = "application/x-www-form-urlencoded";

    public static readonly string ValidPhone = "13812345678";

    /// <summary>label, content type, body, the field the error must name, the expected status.</summary>
    public static TheoryData<string, string, string, string, int> All()
    {
        var data = new TheoryData<string, string, string, string, int>
        {
            { "missing customerName", Json, With(o => o.Remove("customerName")), "customerName", 400 },
            { "missing phone", Json, With(o => o.Remove("phone")), "phone", 400 },
            { "missing type", Json, With(o => o.Remove("type")), "type", 400 },
            { "missing description", Json, With(o => o.Remove("description")), "description", 400 },
            { "empty object", Json, "{}", "description", 400 },
            { "blank name", Json, With(o => o["customerName"] = "   "), "customerName", 400 },
            { "name too long", Json, With(o => o["customerName"] = new string('名', 51)), "customerName", 400 },
            { "name is a number", Json, With(o => o["customerName"] = 42), "customerName", 400 },
            { "name with script tag", Json, With(o => o["customerName"] = "<script>alert(1)</script>"), "customerName", 400 },
            { "name with line break", Json, With(o => o["customerName"] = "Zhang\nSan"), "customerName", 400 },
            { "phone is a number", Json, With(o => o["phone"] = 13812345678L), "phone", 400 },
            { "phone too short", Json, With(o => o["phone"] = "12345"), "phone", 400 },
            { "phone letters", Json, With(o => o["phone"] = "call me maybe"), "phone", 400 },
            { "phone landline", Json, With(o => o["phone"] = "+861062345678"), "phone", 400 },
            { "phone with control character", Json, With(o => o["phone"] = "1381234\u00005678"), "phone", 400 },
            { "phone invalid prefix", Json, With(o => o["phone"] = "+8612012345678"), "phone", 400 },
            { "unknown type", Json, With(o => o["type"] = "praise"), "type", 400 },
            { "type is a number", Json, With(o => o["type"] = 2), "type", 400 },
            { "description too short", Json, With(o => o["description"] = "too short"), "description", 400 },
            { "description too long", Json, With(o => o["description"] = new string('x', 4001)), "description", 400 },
            { "description with bell character", Json, With(o => o["description"] = "It rang \u0007 all night long, please help"), "description", 400 },
            { "description is an object", Json, With(o => o["description"] = new JsonObject { ["text"] = "hello there friend" }), "description", 400 },
            { "product with img tag", Json, With(o => o["product"] = "<img src=x onerror=alert(1)>"), "product", 400 },
            { "aboutStaff with line break", Json, With(o => o["aboutStaff"] = "A123\r\nB"), "aboutStaff", 400 },
            { "too much evidence", Json, With(o => o["evidence"] = new JsonArray([.. Enumerable.Range(1, 11).Select(i => (JsonNode)("ORD-" + i))])), "evidence", 400 },
            { "evidence not an array", Json, With(o => o["evidence"] = "ORD-1"), "evidence", 400 },
            { "evidence item a number", Json, With(o => o["evidence"] = new JsonArray(12345)), "evidence[0]", 400 },
            { "evidence javascript url", Json, With(o => o["evidence"] = new JsonArray("javascript:alert(1)")), "evidence[0]", 400 },
            { "evidence data url", Json, With(o => o["evidence"] = new JsonArray("data:text/html;base64,PHNjcmlwdD4=")), "evidence[0]", 400 },
            { "request not an object", Json, With(o => o["request"] = "refund"), "request", 400 },
            { "request unknown kind", Json, With(o => o["request"] = new JsonObject { ["kind"] = "apology" }), "request.kind", 400 },
            { "request negative amount", Json, With(o => o["request"] = new JsonObject { ["kind"] = "refund", ["amount"] = -5 }), "request.amount", 400 },
            { "request amount text", Json, With(o => o["request"] = new JsonObject { ["kind"] = "refund", ["amount"] = "ten" }), "request.amount", 400 },
            { "request bad currency", Json, With(o => o["request"] = new JsonObject { ["kind"] = "refund", ["amount"] = 5, ["currency"] = "yuan" }), "request.currency", 400 },
            { "unknown language", Json, With(o => o["language"] = "fr"), "language", 400 },
            { "unknown channel", Json, With(o => o["channel"] = "fax"), "channel", 400 },
            { "occurredAt not a time", Json, With(o => o["occurredAt"] = "yesterday"), "occurredAt", 400 },
            { "occurredAt without offset", Json, With(o => o["occurredAt"] = "2026-11-22T10:00:00"), "occurredAt", 400 },
            { "idempotencyKey too long", Json, With(o => o["idempotencyKey"] = new string('k', 201)), "idempotencyKey", 400 },
            { "invalid json", Json, "{\"customerName\": \"Zhang\", ", "$", 400 },
            { "json array", Json, "[1, 2, 3]", "$", 400 },
            { "json null", Json, "null", "$", 400 },
            { "empty body", Json, string.Empty, "$", 400 },
            { "plain text", "text/plain", "customerName=Zhang", "$", 415 },
            { "xml", "application/xml", "<complaint><customerName>Zhang</customerName></complaint>", "$", 415 },
            { "huge body", Json, With(o => o["description"] = new string('x', 70_000)), "$", 413 },
            { "form amount text", Form, FormBody(("request.kind", "refund"), ("request.amount", "abc")), "request.amount", 400 },
            { "form missing phone", Form, FormBody(("phone", null)), "phone", 400 },
            { "form phone twice", Form, FormBody(("phone", ValidPhone), ("phone", "13912345678")), "phone", 400 },
        };
        return data;
    }

    public static JsonObject Valid() => new()
    {
        ["customerName"] = "张三",
        ["phone"] = ValidPhone,
        ["type"] = "complaint",
        ["description"] = "The parcel arrived broken and nobody answers the hotline.",
    };

    public static string With(Action<JsonObject> change)
    {
        var o = Valid();
        change(o);
        return o.ToJsonString();
    }

    /// <summary>A valid form with fields replaced (a null value removes the field; a repeated name repeats it).</summary>
    public static string FormBody(params (string Name, string? Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("customerName", "张三"),
            new("phone", ValidPhone),
            new("type", "complaint"),
            new("description", "The parcel arrived broken and nobody answers the hotline."),
        };
        foreach (var name in changes.Select(c => c.Name).Distinct())
        {
            fields.RemoveAll(f => f.Key == name);
        }

        fields.AddRange(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Name, c.Value!)));
        using var content = new FormUrlEncodedContent(fields);
        return content.ReadAsStringAsync().GetAwaiter().GetResult();
    }
}
