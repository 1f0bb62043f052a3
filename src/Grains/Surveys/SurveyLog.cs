using Microsoft.Extensions.Logging;

namespace AfterSales.Surveys;

/// <summary>Log events of satisfaction surveys (9721–9739). Surveys are named by their id, never by their token.</summary>
internal static partial class SurveyLog
{
    [LoggerMessage(EventId = 9721, Level = LogLevel.Information, Message = "Survey {SurveyId} issued for case {CaseNumber} ({Source})")]
    public static partial void SurveyIssued(this ILogger logger, Guid surveyId, string caseNumber, string source);

    [LoggerMessage(EventId = 9722, Level = LogLevel.Information, Message = "Survey {SurveyId} of case {CaseNumber} answered")]
    public static partial void SurveyAnswered(this ILogger logger, Guid surveyId, string caseNumber);

    [LoggerMessage(EventId = 9723, Level = LogLevel.Warning, Message = "Survey {SurveyId} could not report its facts or tell its case; a reminder retries")]
    public static partial void ReportFailed(this ILogger logger, Exception exception, Guid surveyId);

    [LoggerMessage(EventId = 9724, Level = LogLevel.Warning, Message = "Case {CaseNumber} could not hand survey {SurveyId} over; a reminder retries")]
    public static partial void HandOffFailed(this ILogger logger, Exception exception, string caseNumber, Guid surveyId);

    [LoggerMessage(EventId = 9725, Level = LogLevel.Warning, Message = "Case {CaseNumber} could not take back survey {SurveyId} after its own write failed")]
    public static partial void WithdrawFailed(this ILogger logger, Exception exception, string caseNumber, Guid surveyId);

    [LoggerMessage(EventId = 9726, Level = LogLevel.Information, Message = "Survey {SurveyId} of case {CaseNumber} withdrawn")]
    public static partial void SurveyWithdrawn(this ILogger logger, Guid surveyId, string caseNumber);

    [LoggerMessage(EventId = 9727, Level = LogLevel.Warning, Message = "Case {CaseNumber} could not check its open surveys")]
    public static partial void SurveyCheckFailed(this ILogger logger, Exception exception, string caseNumber);
}
