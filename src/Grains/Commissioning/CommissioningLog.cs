using AfterSales.Installation;
using Microsoft.Extensions.Logging;

namespace AfterSales.Commissioning;

/// <summary>Log events of the commissioning grain.</summary>
internal static partial class CommissioningLog
{
    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Commissioning of work order {WorkOrder} submitted: {Outcome}")]
    public static partial void Submitted(this ILogger logger, string workOrder, CommissioningVerdict outcome);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Information, Message = "Commissioning of work order {WorkOrder} completed")]
    public static partial void Completed(this ILogger logger, string workOrder);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Warning, Message = "Commissioning of work order {WorkOrder}: {Step} was refused: {Reason}")]
    public static partial void StepRefused(this ILogger logger, string workOrder, string step, string reason);

    [LoggerMessage(EventId = 8304, Level = LogLevel.Warning, Message = "Commissioning of work order {WorkOrder}: completing it failed; its reminder retries")]
    public static partial void CompletionFailed(this ILogger logger, Exception exception, string workOrder);
}
