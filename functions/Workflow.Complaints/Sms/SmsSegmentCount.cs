namespace Workflow.Complaints.Sms;

/// <summary>How a text is carried over SMS.</summary>
/// <param name="Encoding">The character set the text needs.</param>
/// <param name="Units">Septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2, surrogate pairs count two).</param>
/// <param name="Segments">The number of SMS parts.</param>
public readonly record struct SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments);
