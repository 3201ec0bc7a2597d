using System.Collections.Frozen;

namespace Workflow.Complaints.Sms;

/// <summary>Counts the SMS segments a text takes: GSM-7 when every character is in the GSM alphabet, else UCS-2.</summary>
public static class SmsSegmentCounter
{
    /// <summary>Septets in a single GSM-7 SMS.</summary>
    public const int Gsm7Single = 160;

    /// <summary>Septets per part of a concatenated GSM-7 SMS (the rest is the concatenation header).</summary>
    public const int Gsm7Part = 153;

    /// <summary>Code units in a single UCS-2 SMS.</summary>
    public const int Ucs2Single = 70;

    /// <summary>Code units per part of a concatenated UCS-2 SMS.</summary>
    public const int Ucs2Part = 67;

    // GSM 03.38 default alphabet (one septet each).
    private static readonly FrozenSet<char> Basic =
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
         "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà").ToFrozenSet();

    // The extension table: sent as ESC plus the character, so two septets each.
    private static readonly FrozenSet<char> Extension = "\f^{}\\[~]|€".ToFrozenSet();

    /// <summary>The encoding, units and segments of <paramref name="text"/>.</summary>
    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var septets = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c))
            {
                septets++;
            }
            else if (Extension.Contains(c))
            {
                septets += 2;
            }
            else
            {
                // string.Length counts UTF-16 code units, so a surrogate pair is already two.
                return new SmsSegmentCount(SmsEncoding.Ucs2, text.Length, Segments(text.Length, Ucs2Single, Ucs2Part));
            }
        }

        return new SmsSegmentCount(SmsEncoding.Gsm7, septets, Segments(septets, Gsm7Single, Gsm7Part));
    }

    private static int Segments(int units, int single, int part) =>
        units <= single ? 1 : (units + part - 1) / part;
}
