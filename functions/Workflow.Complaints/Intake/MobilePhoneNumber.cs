using PhoneNumbers;

namespace Workflow.Complaints.Intake;

/// <summary>Parses a customer's phone number and accepts only a valid mobile number.</summary>
public static class MobilePhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises <paramref name="input"/> (E.164, or national in <paramref name="defaultRegion"/>)
    /// to E.164; returns an error message instead when it is not a valid mobile number.
    /// </summary>
    public static bool TryNormalize(string input, string defaultRegion, out string e164, out string error)
    {
        ArgumentNullException.ThrowIfNull(input);
        e164 = string.Empty;
        error = string.Empty;
        PhoneNumber number;
        try
        {
            number = Util.Parse(input, defaultRegion);
        }
        catch (NumberParseException)
        {
            error = "is not a phone number; use E.164 (+8613812345678) or a national mobile number";
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            error = "is not a valid phone number";
            return false;
        }

        var type = Util.GetNumberType(number);
        if (type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            error = "must be a mobile number (the case is followed up by SMS)";
            return false;
        }

        e164 = Util.Format(number, PhoneNumberFormat.E164);
        return true;
    }
}
