using System.Globalization;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Intake;

/// <summary>
/// Validates a submission against the intake contract (SPEC section 1), the same for HTTP and
/// queue intake, and normalises what it accepts.
/// </summary>
public sealed class IntakeValidator
{
    private readonly IntakeOptions _options;

    /// <summary>Creates the validator with the configured limits.</summary>
    public IntakeValidator(IOptions<IntakeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>Validates a submission.</summary>
    public IntakeValidation Validate(ComplaintSubmission? submission) => Validate(submission, new FieldErrors());

    /// <summary>Validates a submission read with <see cref="SubmissionReader"/>, keeping the reader's errors.</summary>
    public IntakeValidation Validate(ComplaintSubmission? submission, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (submission is null)
        {
            if (errors.IsEmpty)
            {
                errors.Add(FieldErrors.Body, "is required");
            }

            return new IntakeValidation(null, errors.ToDictionary());
        }

        var o = _options;
        var name = Text(submission.CustomerName, "customerName", required: true, o.CustomerNameMinLength, o.CustomerNameMaxLength, multiLine: false, allowMarkup: false, errors);
        var phone = Phone(submission.Phone, errors);
        var type = OneOf(submission.Type, "type", IntakeVocabulary.Types, required: true, errors);
        var description = Text(submission.Description, "description", required: true, o.DescriptionMinLength, o.DescriptionMaxLength, multiLine: true, allowMarkup: true, errors);
        var language = Language(submission.Language, errors);
        var region = Short(submission.Region, "region", errors);
        var businessLine = Short(submission.BusinessLine, "businessLine", errors);
        var product = Short(submission.Product, "product", errors);
        var location = Text(submission.Location, "location", required: false, 1, o.MaxLongFieldLength, multiLine: false, allowMarkup: false, errors);
        var request = Request(submission.Request, errors);
        var evidence = Evidence(submission.Evidence, errors);
        var aboutStaff = Short(submission.AboutStaff, "aboutStaff", errors);
        var channel = OneOf(submission.Channel, "channel", IntakeVocabulary.Channels, required: false, errors);
        var key = Text(submission.IdempotencyKey, "idempotencyKey", required: false, 1, o.MaxShortFieldLength, multiLine: false, allowMarkup: true, errors);

        if (!errors.IsEmpty)
        {
            return new IntakeValidation(null, errors.ToDictionary());
        }

        return new IntakeValidation(
            submission with
            {
                CustomerName = name,
                Phone = phone,
                Type = type,
                Description = description,
                Language = language,
                Region = region,
                BusinessLine = businessLine,
                Product = product,
                Location = location,
                Request = request,
                Evidence = evidence,
                AboutStaff = aboutStaff,
                Channel = channel,
                IdempotencyKey = key,
            },
            errors.ToDictionary());
    }

    private string? Short(string? value, string field, FieldErrors errors) =>
        Text(value, field, required: false, 1, _options.MaxShortFieldLength, multiLine: false, allowMarkup: false, errors);

    private static string? Text(string? value, string field, bool required, int min, int max, bool multiLine, bool allowMarkup, FieldErrors errors)
    {
        if (errors.Has(field))
        {
            return null;
        }

        var text = value is null ? null : TextRules.Normalize(value);
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return null;
        }

        if (TextRules.HasControlCharacter(text, multiLine))
        {
            errors.Add(field, multiLine ? "must not contain control characters" : "must not contain control characters or line breaks");
            return null;
        }

        if (!allowMarkup && TextRules.LooksLikeMarkup(text))
        {
            errors.Add(field, "must not contain markup such as <tags>");
            return null;
        }

        var length = new StringInfo(text).LengthInTextElements;
        if (length < min || length > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"must be {min}-{max} characters long (was {length})"));
            return null;
        }

        return text;
    }

    private string? Phone(string? value, FieldErrors errors)
    {
        const string Field = "phone";
        var text = Text(value, Field, required: true, 1, _options.MaxShortFieldLength, multiLine: false, allowMarkup: false, errors);
        if (text is null)
        {
            return null;
        }

        if (MobilePhoneNumber.TryNormalize(text, _options.DefaultPhoneRegion, out var e164, out var error))
        {
            return e164;
        }

        errors.Add(Field, error);
        return null;
    }

    private static string? OneOf(string? value, string field, IReadOnlySet<string> allowed, bool required, FieldErrors errors)
    {
        if (errors.Has(field))
        {
            return null;
        }

        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return null;
        }

        if (!allowed.Contains(text))
        {
            errors.Add(field, "must be one of: " + string.Join(", ", allowed.Order(StringComparer.Ordinal)));
            return null;
        }

        return text;
    }

    private static string? Language(string? value, FieldErrors errors)
    {
        const string Field = "language";
        if (errors.Has(Field))
        {
            return null;
        }

        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return IntakeVocabulary.Languages[0];
        }

        var match = IntakeVocabulary.Languages.FirstOrDefault(l => string.Equals(l, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors.Add(Field, "must be one of: " + string.Join(", ", IntakeVocabulary.Languages));
        }

        return match;
    }

    private static CustomerRequest? Request(CustomerRequest? request, FieldErrors errors)
    {
        if (request is null)
        {
            return null;
        }

        var kind = OneOf(request.Kind, "request.kind", IntakeVocabulary.RequestKinds, required: true, errors);
        if (request.Amount is < 0)
        {
            errors.Add("request.amount", "must be zero or more");
        }

        string? currency = null;
        if (!errors.Has("request.currency") && !string.IsNullOrWhiteSpace(request.Currency))
        {
            currency = request.Currency.Trim().ToUpperInvariant();
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
            {
                errors.Add("request.currency", "must be an ISO 4217 code such as CNY");
            }
        }

        if (currency is not null && request.Amount is null && !errors.Has("request.amount"))
        {
            errors.Add("request.amount", "is required when a currency is given");
        }

        return new CustomerRequest(kind, request.Amount, currency);
    }

    private string[] Evidence(IReadOnlyList<string>? evidence, FieldErrors errors)
    {
        if (evidence is null || evidence.Count == 0 || errors.Has("evidence"))
        {
            return [];
        }

        if (evidence.Count > _options.MaxEvidence)
        {
            errors.Add("evidence", string.Create(CultureInfo.InvariantCulture, $"must hold at most {_options.MaxEvidence} references (was {evidence.Count})"));
            return [];
        }

        var accepted = new List<string>();
        for (var i = 0; i < evidence.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"evidence[{i}]");
            var item = Text(evidence[i], field, required: true, 1, _options.MaxLongFieldLength, multiLine: false, allowMarkup: false, errors);
            if (item is null)
            {
                continue;
            }

            // A reference may be a web address, never a script, data or file URL.
            if (Uri.TryCreate(item, UriKind.Absolute, out var uri) && uri.Scheme is "data" or "vbscript" or "file")
            {
                errors.Add(field, "must be an order number, a screenshot id or an http(s) address");
                continue;
            }

            accepted.Add(item);
        }

        return [.. accepted];
    }
}
