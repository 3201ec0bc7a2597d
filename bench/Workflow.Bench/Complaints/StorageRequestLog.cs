using System.Text.RegularExpressions;

namespace Workflow.Bench.Complaints;

/// <summary>
/// Counts the requests in Azurite's debug log (one <c>StorageContextMiddleware</c> line per request), by service and
/// resource (table, queue or container, with the run's own prefixes replaced by their role).
/// </summary>
internal sealed partial class StorageRequestLog(string path)
{
    private long _offset;

    /// <summary>Reads the lines written since the last call and counts their requests by resource.</summary>
    public Dictionary<string, int> ReadNew(IReadOnlyDictionary<string, string> prefixes)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return counts;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var match = Request().Match(line);
            if (match.Success)
            {
                var resource = Resource(match.Groups["service"].Value, match.Groups["path"].Value, prefixes);
                counts[resource] = counts.GetValueOrDefault(resource) + 1;
            }
        }

        _offset = stream.Position;
        return counts;
    }

    private static string Resource(string service, string path, IReadOnlyDictionary<string, string> prefixes)
    {
        var segments = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var name = segments.Length > 1 ? segments[1] : "(account)";
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        name = paren >= 0 ? name[..paren] : name;
        foreach (var (prefix, role) in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = role + name[prefix.Length..];
                break;
            }
        }

        return $"{service.ToLowerInvariant()} {name}";
    }

    [GeneratedRegex(@"(?<service>Table|Queue|Blob)StorageContextMiddleware: RequestMethod=\S+ RequestURL=http://[^/]+(?<path>\S*)")]
    private static partial Regex Request();
}
