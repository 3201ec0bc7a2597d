using System.Security.Cryptography;
using System.Text;

namespace Workflow.Complaints.Sms;

/// <summary>Derives the provider's repeatability id of a message from its case number and step.</summary>
public static class SmsRepeatability
{
    // Fixed namespace so the same (case, step) gives the same id in every process and release.
    private static readonly byte[] Namespace = Guid.Parse("5f0c3a52-6c1e-4a8e-9a4b-0e6f7d9b2c31").ToByteArray(bigEndian: true);

    /// <summary>
    /// A name-based GUID (RFC 9562 version 8 over SHA-256) of <c>caseNumber</c> and <c>step</c>: the same
    /// pair always gives the same id, so every retry of a step carries one id.
    /// </summary>
    public static Guid IdFor(string caseNumber, string step)
    {
        ArgumentNullException.ThrowIfNull(caseNumber);
        ArgumentException.ThrowIfNullOrEmpty(step);
        var name = Encoding.UTF8.GetBytes(caseNumber + "\n" + step);
        var input = new byte[Namespace.Length + name.Length];
        Namespace.CopyTo(input, 0);
        name.CopyTo(input, Namespace.Length);
        var hash = SHA256.HashData(input).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash, bigEndian: true);
    }
}
