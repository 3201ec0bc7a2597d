using System.Security.Cryptography;
using System.Text;
using PhoneNumbers;

namespace Workflow.Complaints.Sms;

/// <summary>Phone number handling for SMS: E.164 normalisation, masking for logs and lists, and a hash for storage keys.</summary>
public static class SmsPhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The E.164 form of <paramref name="number"/>, or null when it is not a valid number. Digits without a
    /// leading <c>+</c> are first read as international (Event Grid sends <c>15555555555</c>), then as a
    /// national number of <paramref name="defaultRegion"/>.
    /// </summary>
    public static string? Normalise(string? number, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var trimmed = number.Trim();
        if (!trimmed.StartsWith('+') && trimmed.All(char.IsAsciiDigit) && TryParse("+" + trimmed, null) is { } international)
        {
            return international;
        }

        return TryParse(trimmed, defaultRegion);
    }

    /// <summary>The number with all but its last four digits hidden (<c>*******5678</c>).</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return string.Empty;
        }

        var digits = number.Where(char.IsAsciiDigit).ToArray();
        var visible = Math.Min(4, digits.Length);
        return new string('*', Math.Max(digits.Length - visible, 3)) + new string(digits, digits.Length - visible, visible);
    }

    /// <summary>A stable key for a normalised number (hex SHA-256), so stores and logs never hold the number itself.</summary>
    public static string Hash(string e164)
    {
        ArgumentException.ThrowIfNullOrEmpty(e164);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sms-number:" + e164)));
    }

    /// <summary>The region code of a normalised number (<c>CN</c>, <c>US</c>), or null.</summary>
    public static string? RegionOf(string e164)
    {
        ArgumentException.ThrowIfNullOrEmpty(e164);
        try
        {
            return Util.GetRegionCodeForNumber(Util.Parse(e164, null));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static string? TryParse(string text, string? region)
    {
        try
        {
            var parsed = Util.Parse(text, region);
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            // An unparsable number is an expected outcome for user input.
            return null;
        }
    }
}
