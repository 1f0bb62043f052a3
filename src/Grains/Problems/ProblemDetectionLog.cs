using Microsoft.Extensions.Logging;

namespace AfterSales.Problems;

/// <summary>Log events of problem detection and the open-problem list.</summary>
internal static partial class ProblemDetectionLog
{
    [LoggerMessage(EventId = 9011, Level = LogLevel.Information, Message = "Problem {CaseNumber} detected: {Faults} faults of model {Model} with code {FaultCode} in one serial range")]
    public static partial void ProblemDetected(this ILogger logger, string caseNumber, string model, string faultCode, int faults);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Warning, Message = "Problem {CaseNumber} could not be opened: {Reason}")]
    public static partial void ProblemNotOpened(this ILogger logger, Exception? exception, string caseNumber, string reason);

    [LoggerMessage(EventId = 9013, Level = LogLevel.Information, Message = "Problem {CaseNumber} of model {Model} with code {FaultCode} ended: later faults in its range form new clusters")]
    public static partial void ProblemEnded(this ILogger logger, string caseNumber, string model, string faultCode);

    [LoggerMessage(EventId = 9014, Level = LogLevel.Debug, Message = "Fault case {CaseNumber} of model {Model} with code {FaultCode} has a serial without a number: not clustered")]
    public static partial void SerialWithoutNumber(this ILogger logger, string caseNumber, string model, string faultCode);
}
