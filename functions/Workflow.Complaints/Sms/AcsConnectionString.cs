using System.Diagnostics.CodeAnalysis;

namespace Workflow.Complaints.Sms;

/// <summary>A Communication Services connection string: <c>endpoint=...;accesskey=...</c> (the key is optional here).</summary>
/// <param name="Endpoint">The resource endpoint, always ending with <c>/</c>.</param>
/// <param name="AccessKey">The decoded HMAC key, or null to use a Microsoft Entra token.</param>
internal sealed record AcsConnectionString(Uri Endpoint, byte[]? AccessKey)
{
    public static AcsConnectionString Parse(string value) =>
        TryParse(value, out var parsed, out var error) ? parsed : throw new FormatException(error);

    public static bool TryParse(string value, [NotNullWhen(true)] out AcsConnectionString? parsed, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        parsed = null;
        string? endpoint = null;
        string? key = null;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "expected name=value pairs separated by ';'.";
                return false;
            }

            var name = part[..equals].Trim();
            // Base64 keys end in '=', so only the first '=' separates name and value.
            var text = part[(equals + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = text;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = text;
            }
        }

        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            error = "endpoint is missing or not an absolute http(s) URI.";
            return false;
        }

        byte[]? decoded = null;
        if (!string.IsNullOrEmpty(key))
        {
            decoded = new byte[key.Length];
            if (!Convert.TryFromBase64String(key, decoded, out var written))
            {
                error = "accesskey is not base64.";
                return false;
            }

            decoded = decoded[..written];
        }

        var normalised = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        parsed = new AcsConnectionString(normalised, decoded);
        error = null;
        return true;
    }
}
