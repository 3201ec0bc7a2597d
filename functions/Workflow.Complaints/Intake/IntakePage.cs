using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace Workflow.Complaints.Intake;

/// <summary>
/// The customer's intake page: a plain HTML form (no script, no external resources) that posts to
/// <c>/api/complaints</c> and works on a phone screen. Every value written into the page is
/// HTML-encoded, so text such as <c>&lt;script&gt;</c> shows as text.
/// </summary>
internal static class IntakePage
{
    private const string Style = """
        *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f5f7;color:#1f2328}
        main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;margin:.5rem 0}
        form,section{background:#fff;border-radius:.5rem;padding:1rem;box-shadow:0 1px 2px #0002}
        label{display:block;margin-top:.9rem;font-weight:600}small{display:block;color:#57606a;font-weight:400}
        input,select,textarea{width:100%;font:inherit;padding:.6rem;margin-top:.25rem;border:1px solid #8c959f;border-radius:.375rem;background:#fff}
        textarea{min-height:8rem}.err{color:#cf222e;font-weight:400}.bad{border-color:#cf222e}
        button{margin-top:1.2rem;width:100%;padding:.8rem;font:inherit;font-weight:600;color:#fff;background:#1f6feb;border:0;border-radius:.375rem}
        .lang{float:right;margin-top:.7rem}.num{font-size:1.6rem;font-weight:700;letter-spacing:.05em}.note{color:#57606a;font-size:.9rem}
        """;

    // Encodes markup characters but leaves Chinese text readable (the default encoder escapes all non-Latin text).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string[] TypeOrder = ["complaint", "inquiry", "service-request", "suggestion"];
    private static readonly string[] RequestOrder = ["refund", "repair", "replacement", "explanation", "compensation", "other"];

    /// <summary>The page language: the submitted one, else <c>?lang=</c>, else Chinese.</summary>
    public static string LanguageOf(HttpRequest request, string? submitted = null)
    {
        var wanted = submitted ?? request.Query["lang"].ToString();
        return string.Equals(wanted, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
    }

    /// <summary>The form, with the values and errors of a refused post when there are any.</summary>
    public static string RenderForm(string language, IReadOnlyDictionary<string, string?> values, IDictionary<string, string[]>? errors, IntakeOptions options)
    {
        var t = (string id) => IntakePageText.Get(language, id);
        var html = new StringBuilder();
        Begin(html, language, t("title"));
        html.Append("<a class=\"lang\" href=\"/?lang=").Append(language == "en" ? "zh-CN" : "en").Append("\">").Append(E(t("other"))).Append("</a>");
        html.Append("<h1>").Append(E(t("title"))).Append("</h1><p>").Append(E(t("intro"))).Append("</p>");
        if (errors is { Count: > 0 })
        {
            html.Append("<p class=\"err\" role=\"alert\">").Append(E(t("errors"))).Append("</p>");
            if (errors.TryGetValue(FieldErrors.Body, out var bodyErrors))
            {
                html.Append("<p class=\"err\">").Append(E(string.Join(" ", bodyErrors))).Append("</p>");
            }
        }

        html.Append("<form method=\"post\" action=\"/api/complaints\" accept-charset=\"utf-8\">");
        Hidden(html, "language", language);
        Hidden(html, "channel", "web");
        // A key per rendered form: pressing submit twice opens one case.
        Hidden(html, "idempotencyKey", Value(values, "idempotencyKey") ?? Guid.NewGuid().ToString("N"));
        Input(html, "customerName", t("customerName"), null, "text", Value(values, "customerName"), errors, "autocomplete=\"name\" required maxlength=\"" + N(options.CustomerNameMaxLength) + "\"");
        // The phone number is never echoed back into a page.
        Input(html, "phone", t("phone"), t("phoneHint"), "tel", null, errors, "autocomplete=\"tel\" inputmode=\"tel\" required");
        Label(html, "type", t("type"), null, errors);
        html.Append("<select id=\"type\" name=\"type\" required>");
        foreach (var type in TypeOrder)
        {
            Option(html, type, t("type." + type), Value(values, "type"));
        }

        html.Append("</select>");
        Label(html, "description", t("description"), string.Format(CultureInfo.InvariantCulture, t("descriptionHint"), options.DescriptionMaxLength), errors);
        html.Append("<textarea id=\"description\" name=\"description\" required maxlength=\"").Append(N(options.DescriptionMaxLength)).Append("\">")
            .Append(E(Value(values, "description") ?? string.Empty)).Append("</textarea>");
        Input(html, "product", t("product"), null, "text", Value(values, "product"), errors, string.Empty);
        Input(html, "location", t("location"), null, "text", Value(values, "location"), errors, string.Empty);
        Label(html, "request.kind", t("request.kind"), null, errors);
        html.Append("<select id=\"request.kind\" name=\"request.kind\">");
        Option(html, string.Empty, t("request.none"), Value(values, "request.kind"));
        foreach (var kind in RequestOrder)
        {
            Option(html, kind, t("request." + kind), Value(values, "request.kind"));
        }

        html.Append("</select>");
        Input(html, "request.amount", t("request.amount"), null, "number", Value(values, "request.amount"), errors, "min=\"0\" step=\"0.01\" inputmode=\"decimal\"");
        Input(html, "evidence", t("evidence"), null, "text", Value(values, "evidence"), errors, string.Empty);
        Input(html, "aboutStaff", t("aboutStaff"), null, "text", Value(values, "aboutStaff"), errors, string.Empty);
        html.Append("<button type=\"submit\">").Append(E(t("submit"))).Append("</button>");
        html.Append("<p class=\"note\">").Append(E(t("privacy"))).Append("</p></form>");
        End(html);
        return html.ToString();
    }

    /// <summary>The acknowledgement page: the case number and what happens next.</summary>
    public static string RenderAccepted(string language, string caseNumber, string statusUrl)
    {
        var t = (string id) => IntakePageText.Get(language, id);
        var html = new StringBuilder();
        Begin(html, language, t("accepted"));
        html.Append("<section><h1>").Append(E(t("accepted"))).Append("</h1><p>").Append(E(t("caseNumber"))).Append("</p>");
        html.Append("<p class=\"num\" id=\"case-number\">").Append(E(caseNumber)).Append("</p>");
        html.Append("<p>").Append(E(t("next"))).Append("</p><ol>");
        foreach (var step in new[] { "next1", "next2", "next3" })
        {
            html.Append("<li>").Append(E(t(step))).Append("</li>");
        }

        html.Append("</ol><p><a href=\"").Append(E(statusUrl)).Append("\">").Append(E(t("progress"))).Append("</a></p></section>");
        End(html);
        return html.ToString();
    }

    private static void Begin(StringBuilder html, string language, string title) =>
        html.Append("<!doctype html><html lang=\"").Append(E(language)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>").Append(E(title))
            .Append("</title><style>").Append(Style).Append("</style></head><body><main>");

    private static void End(StringBuilder html) => html.Append("</main></body></html>");

    private static void Label(StringBuilder html, string name, string label, string? hint, IDictionary<string, string[]>? errors)
    {
        html.Append("<label for=\"").Append(E(name)).Append("\">").Append(E(label));
        if (hint is not null)
        {
            html.Append("<small>").Append(E(hint)).Append("</small>");
        }

        if (errors is not null)
        {
            foreach (var error in errors.Where(e => e.Key == name || e.Key.StartsWith(name + "[", StringComparison.Ordinal)).SelectMany(e => e.Value))
            {
                html.Append("<small class=\"err\">").Append(E(error)).Append("</small>");
            }
        }

        html.Append("</label>");
    }

    private static void Input(StringBuilder html, string name, string label, string? hint, string type, string? value, IDictionary<string, string[]>? errors, string attributes)
    {
        Label(html, name, label, hint, errors);
        html.Append("<input id=\"").Append(E(name)).Append("\" name=\"").Append(E(name)).Append("\" type=\"").Append(type).Append('"');
        if (value is not null)
        {
            html.Append(" value=\"").Append(E(value)).Append('"');
        }

        if (errors?.ContainsKey(name) == true)
        {
            html.Append(" class=\"bad\" aria-invalid=\"true\"");
        }

        html.Append(' ').Append(attributes).Append('>');
    }

    private static void Hidden(StringBuilder html, string name, string value) =>
        html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");

    private static void Option(StringBuilder html, string value, string label, string? selected) =>
        html.Append("<option value=\"").Append(E(value)).Append('"').Append(value == selected ? " selected" : string.Empty)
            .Append('>').Append(E(label)).Append("</option>");

    private static string? Value(IReadOnlyDictionary<string, string?> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static string E(string text) => Encoder.Encode(text);

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);
}
