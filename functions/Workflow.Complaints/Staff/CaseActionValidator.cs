using System.Text.RegularExpressions;
using Workflow.Complaints.Cases;
using Workflow.Complaints.Intake;
using Workflow.Complaints.Lifecycle;
using Workflow.Complaints.Triage;

namespace Workflow.Complaints.Staff;

/// <summary>
/// Checks a <see cref="CaseActionRequest"/> for its action, field by field, and turns it into the event payload.
/// A response may name an approved wording (<see cref="ResponseTemplates"/>), give its own text, or both (the
/// text is the template staff edited); placeholders are filled from the case and <see cref="CaseActionRequest.Values"/>.
/// </summary>
public sealed partial class CaseActionValidator(ResponseTemplates templates, BusinessCalendars calendars)
{
    /// <summary>The longest free text (a message, remedy, decision, note or reason).</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The longest department name.</summary>
    public const int MaxDepartmentLength = 64;

    /// <summary>The values of <see cref="CaseActionRequest.Responsibility"/> (SPEC section 4).</summary>
    public static readonly IReadOnlyList<string> Responsibilities = ["company", "third-party", "customer", "undetermined"];

    private static readonly Dictionary<CaseAction, string[]> Fields = new()
    {
        [CaseAction.Forward] = ["department"],
        [CaseAction.Respond] = ["template", "values", "text"],
        [CaseAction.RequestInfo] = [],
        [CaseAction.CustomerInfoReceived] = [],
        [CaseAction.Resolve] = ["responsibility", "remedy"],
        [CaseAction.RequestApproval] = ["compensation", "currency"],
        [CaseAction.Approve] = [],
        [CaseAction.Reject] = [],
        [CaseAction.Reassign] = ["department"],
        [CaseAction.ChangeSeverity] = ["severity"],
        [CaseAction.Escalate] = [],
        [CaseAction.Note] = ["text"],
        [CaseAction.FinalDecision] = ["decision"],
        [CaseAction.Close] = [],
        [CaseAction.Withdraw] = [],
    };

    private static readonly HashSet<CaseAction> ReasonRequired = [CaseAction.RequestInfo, CaseAction.Escalate, CaseAction.Reject];

    /// <summary>The field-level errors of <paramref name="request"/> for <paramref name="action"/> on <paramref name="stored"/>, or the event payload.</summary>
    public (FieldErrors Errors, CaseEventData? Data) Validate(CaseAction action, CaseActionRequest request, Case stored, string actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stored);
        var errors = new FieldErrors();
        var used = Fields.GetValueOrDefault(action) ?? [];
        foreach (var (name, present) in Present(request))
        {
            if (present && !used.Contains(name))
            {
                errors.Add(name, $"is not used by '{action.ToName()}'");
            }
        }

        CheckText(errors, "reason", request.Reason, ReasonRequired.Contains(action));
        var data = new CaseEventData(Actor: actor, Reason: Trim(request.Reason));
        switch (action)
        {
            case CaseAction.Forward or CaseAction.Reassign:
                CheckDepartment(errors, request.Department);
                data = data with { Department = request.Department?.Trim() };
                break;

            case CaseAction.Respond:
                data = data with { Reason = Message(errors, request, stored) };
                break;

            case CaseAction.Resolve:
                if (string.IsNullOrWhiteSpace(request.Responsibility))
                {
                    errors.Add("responsibility", "is required: " + string.Join(", ", Responsibilities));
                }
                else if (!Responsibilities.Contains(request.Responsibility.Trim()))
                {
                    errors.Add("responsibility", "must be one of " + string.Join(", ", Responsibilities));
                }

                CheckText(errors, "remedy", request.Remedy, required: true);
                data = data with { Responsibility = request.Responsibility?.Trim(), Remedy = Trim(request.Remedy) };
                break;

            case CaseAction.RequestApproval:
                if (request.Compensation is not { } amount)
                {
                    errors.Add("compensation", "is required");
                }
                else if (amount <= 0)
                {
                    errors.Add("compensation", "must be above 0");
                }

                var currency = request.Currency?.Trim() ?? stored.Request?.Currency;
                if (request.Currency is not null && !CurrencyPattern().IsMatch(request.Currency.Trim()))
                {
                    errors.Add("currency", "must be a three-letter currency code such as CNY");
                }

                data = data with
                {
                    Compensation = request.Compensation,
                    Reason = Trim(request.Reason) ?? (request.Compensation is { } c && currency is not null
                        ? FormattableString.Invariant($"compensation {c} {currency}")
                        : null),
                };
                break;

            case CaseAction.ChangeSeverity:
                if (string.IsNullOrWhiteSpace(request.Severity))
                {
                    errors.Add("severity", "is required: normal, urgent or critical");
                }
                else if (!WireNames<Severity>.TryParse(request.Severity, out var severity))
                {
                    errors.Add("severity", "must be normal, urgent or critical");
                }
                else
                {
                    data = data with { Severity = severity };
                }

                break;

            case CaseAction.Note:
                CheckText(errors, "text", request.Text, required: true);
                data = data with { Reason = Trim(request.Text) };
                break;

            case CaseAction.FinalDecision:
                CheckText(errors, "decision", request.Decision, required: true);
                data = data with { Remedy = Trim(request.Decision) };
                break;

            default:
                break;
        }

        return errors.IsEmpty ? (errors, data) : (errors, null);
    }

    // The message to the customer: a template, the caller's text (possibly an edited template), or both.
    private string? Message(FieldErrors errors, CaseActionRequest request, Case stored)
    {
        if (request.Template is null && string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add("template", "a template or a text is required");
            return null;
        }

        CheckText(errors, "text", request.Text, required: false);
        foreach (var name in (request.Values ?? []).Keys.Where(k => k is not ("department" or "remedy")))
        {
            errors.Add("values." + name, "is not a placeholder staff fill in (department, remedy)");
        }

        var values = new TemplateValues(
            stored.CaseNumber,
            request.Values?.GetValueOrDefault("department") ?? stored.Department,
            stored.NextDeadline,
            request.Values?.GetValueOrDefault("remedy"),
            calendars.For(stored.Region).TimeZone);
        string? wording = null;
        if (request.Template is not null)
        {
            if (!WireNames<ResponseSituation>.TryParse(request.Template, out var situation))
            {
                errors.Add("template", "must be one of " + string.Join(", ", Enum.GetValues<ResponseSituation>().Select(WireNames<ResponseSituation>.Of)));
                return null;
            }

            wording = templates.Wording(situation, stored.Language);
        }

        try
        {
            var text = templates.Fill(string.IsNullOrWhiteSpace(request.Text) ? wording! : request.Text.Trim(), values);
            if (text.Length > MaxTextLength)
            {
                errors.Add("text", $"must be at most {MaxTextLength} characters once filled in");
            }

            return text;
        }
        catch (ArgumentException missing)
        {
            errors.Add(missing.ParamName is "deadline" ? "template" : "values." + missing.ParamName,
                missing.ParamName is "deadline" ? "uses {deadline} but no clock runs on this case" : "is needed by the wording");
            return null;
        }
    }

    private static void CheckDepartment(FieldErrors errors, string? department)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            errors.Add("department", "is required");
        }
        else if (department.Trim().Length > MaxDepartmentLength || !DepartmentPattern().IsMatch(department.Trim()))
        {
            errors.Add("department", $"must be a department key: lower-case letters, digits and '-', at most {MaxDepartmentLength} characters");
        }
    }

    private static void CheckText(FieldErrors errors, string field, string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(field, "is required");
            }
        }
        else if (text.Trim().Length > MaxTextLength)
        {
            errors.Add(field, $"must be at most {MaxTextLength} characters");
        }
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IEnumerable<(string Name, bool Present)> Present(CaseActionRequest r) =>
    [
        ("department", r.Department is not null), ("template", r.Template is not null), ("values", r.Values is not null),
        ("text", r.Text is not null), ("responsibility", r.Responsibility is not null), ("remedy", r.Remedy is not null),
        ("compensation", r.Compensation is not null), ("currency", r.Currency is not null), ("severity", r.Severity is not null),
        ("decision", r.Decision is not null),
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex DepartmentPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
