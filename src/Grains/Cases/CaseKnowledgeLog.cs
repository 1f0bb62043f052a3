using Microsoft.Extensions.Logging;

namespace AfterSales.Cases;

/// <summary>Log events of the case grains about fault knowledge and problems.</summary>
internal static partial class CaseKnowledgeLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Case {CaseNumber} shows no known solutions: model {Model} could not be read")]
    public static partial void SolutionsUnavailable(this ILogger logger, Exception exception, string caseNumber, string model);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "The new solution of case {CaseNumber} could not be listed for model {Model}")]
    public static partial void ProposalNotListed(this ILogger logger, Exception exception, string caseNumber, string model);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Problem {CaseNumber} could not update the list of open problems")]
    public static partial void ProblemNotListed(this ILogger logger, Exception exception, string caseNumber);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "Problem {CaseNumber} did not link {ChildNumber}: {Reason}")]
    public static partial void ChildNotLinked(this ILogger logger, string caseNumber, string childNumber, string reason);
}
