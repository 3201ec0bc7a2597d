namespace Workflow.Complaints.Intake;

/// <summary>
/// Field-level errors keyed by JSON field path (<c>phone</c>, <c>request.amount</c>,
/// <c>evidence[3]</c>; <c>$</c> for the body as a whole), in the shape RFC 7807 validation
/// problems carry.
/// </summary>
public sealed class FieldErrors
{
    /// <summary>The key for errors about the whole body (as System.Text.Json names the root).</summary>
    public const string Body = "$";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether no error has been recorded.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records an error for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    /// <summary>Whether the field (or one of its children) already has an error.</summary>
    public bool Has(string field) =>
        _errors.Keys.Any(k => k == field || k.StartsWith(field + ".", StringComparison.Ordinal) || k.StartsWith(field + "[", StringComparison.Ordinal));

    /// <summary>The errors in the shape of <c>ValidationProblemDetails.Errors</c>.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One error for the whole body.</summary>
    public static IDictionary<string, string[]> ForBody(string message) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [Body] = [message] };
}
