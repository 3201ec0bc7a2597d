using System.Security.Cryptography;
using System.Text;

namespace Workflow.Complaints.Sms;

/// <summary>Checks the <c>code</c> query parameter of an Event Grid delivery against the configured secrets.</summary>
internal static class SmsInboundSecret
{
    public const string QueryName = "code";

    /// <summary>True when <paramref name="code"/> equals one of <paramref name="secrets"/> (compared in constant time).</summary>
    public static bool IsValid(string? code, IEnumerable<string> secrets)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(code));
        var valid = false;
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            valid |= CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        }

        return valid;
    }
}
