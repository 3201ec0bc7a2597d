namespace Workflow.Complaints.Sms;

/// <summary>The character set an SMS is sent in.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet: 160 characters in one SMS, 153 per part when concatenated.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units): 70 in one SMS, 67 per part when concatenated.</summary>
    Ucs2,
}
