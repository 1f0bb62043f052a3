using Microsoft.Extensions.Logging;

namespace AfterSales.Cti;

/// <summary>Log events of CTI calls (9970–9979). Calls are named by their grain key (a hash), never by a phone number.</summary>
internal static partial class CtiLog
{
    [LoggerMessage(EventId = 9970, Level = LogLevel.Information, Message = "Call {CallKey}: {Kind} applied; {State}, {Outcome}")]
    public static partial void EventApplied(this ILogger logger, string callKey, CtiEventKind kind, CallState state, CallOutcome outcome);

    [LoggerMessage(EventId = 9971, Level = LogLevel.Information, Message = "Call {CallKey} was missed: callback case {CaseNumber} opened for customer {CustomerId}")]
    public static partial void CallbackOpened(this ILogger logger, string callKey, string caseNumber, string customerId);

    [LoggerMessage(EventId = 9972, Level = LogLevel.Warning, Message = "Call {CallKey} was missed but its callback case {CaseNumber} was refused: {Reason}")]
    public static partial void CallbackRefused(this ILogger logger, string callKey, string caseNumber, string reason);
}
