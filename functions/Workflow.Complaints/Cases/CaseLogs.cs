using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Cases;

/// <summary>Log messages of the case store (event ids 5100-5199). Never a phone number.</summary>
internal static partial class CaseLogs
{
    [LoggerMessage(5100, LogLevel.Information, "Case {CaseNumber} recorded")]
    public static partial void CaseRecorded(ILogger logger, string caseNumber);

    [LoggerMessage(5101, LogLevel.Information, "Customer record of case {CaseNumber} read by {StaffUser}")]
    public static partial void CustomerRecordRead(ILogger logger, string caseNumber, string staffUser);

    [LoggerMessage(5102, LogLevel.Debug, "Case {CaseNumber} changed concurrently; update attempt {Attempt} retried")]
    public static partial void UpdateConflict(ILogger logger, string caseNumber, int attempt);

    [LoggerMessage(5103, LogLevel.Information, "Case {CaseNumber} purged")]
    public static partial void CasePurged(ILogger logger, string caseNumber);

    [LoggerMessage(5104, LogLevel.Information, "Case {CaseNumber} anonymised")]
    public static partial void CaseAnonymised(ILogger logger, string caseNumber);
}
