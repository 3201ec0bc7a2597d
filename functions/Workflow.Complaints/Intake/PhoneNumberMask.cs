namespace Workflow.Complaints.Intake;

/// <summary>
/// The one way a phone number is shown outside the SMS sender (SPEC section 1): its last four
/// digits behind a fixed run of stars, so the mask does not reveal the number's length either.
/// </summary>
public static class PhoneNumberMask
{
    private const string Stars = "*******";
    private const int VisibleDigits = 4;

    /// <summary>Masks a phone number: <c>+8613812345678</c> becomes <c>*******5678</c>.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return Stars;
        }

        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        return digits.Length < VisibleDigits
            ? Stars
            : Stars + new string(digits, digits.Length - VisibleDigits, VisibleDigits);
    }
}
