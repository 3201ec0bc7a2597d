using Microsoft.Extensions.Logging;

namespace Workflow.Complaints.Survey;

/// <summary>Survey log messages (event ids 6200-6299). Numbers appear masked only.</summary>
internal static partial class SurveyLog
{
    [LoggerMessage(6200, LogLevel.Information, "Survey reply from {MaskedFrom} for case {CaseNumber}: score {Score}")]
    public static partial void Recorded(ILogger logger, string maskedFrom, string caseNumber, int score);

    [LoggerMessage(6201, LogLevel.Information, "Reply from {MaskedFrom} for case {CaseNumber} holds no score")]
    public static partial void Unparsable(ILogger logger, string maskedFrom, string caseNumber);

    [LoggerMessage(6202, LogLevel.Information, "Reply from {MaskedFrom}: none of its {Count} cases since {Since:O} awaits a survey answer")]
    public static partial void NoOpenSurvey(ILogger logger, string maskedFrom, int count, DateTimeOffset since);
}
