using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Workflow.Complaints.Intake;

/// <summary>
/// A keyed hash (HMAC-SHA256) of an E.164 phone number, used as the repeat-detection index key so
/// the index holds no phone number, and a leaked index cannot be reversed by hashing every number.
/// </summary>
public sealed class PhoneNumberHash
{
    private readonly byte[] _key;

    /// <summary>Creates the hash with the key from <see cref="IntakeOptions.PhoneHashKey"/>.</summary>
    public PhoneNumberHash(IOptions<IntakeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Encoding.UTF8.GetBytes(options.Value.PhoneHashKey);
    }

    /// <summary>The lowercase hex hash of a normalised (E.164) number.</summary>
    public string Compute(string phoneE164)
    {
        ArgumentException.ThrowIfNullOrEmpty(phoneE164);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(phoneE164));
        return Convert.ToHexStringLower(mac);
    }
}
