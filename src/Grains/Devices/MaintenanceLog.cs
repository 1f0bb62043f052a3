using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>Log events of the devices' maintenance plans and work orders.</summary>
internal static partial class MaintenanceLog
{
    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Device {Serial}: maintenance {SourceId} {Period} claimed as work order {CaseNumber}")]
    public static partial void MaintenanceClaimed(this ILogger logger, string serial, string sourceId, string period, string caseNumber);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "Device {Serial}: the maintenance work order of {SourceId} {Period} was refused: {Reason}")]
    public static partial void MaintenanceRefused(this ILogger logger, string serial, string sourceId, string period, string reason);

    [LoggerMessage(EventId = 9203, Level = LogLevel.Information, Message = "Device {Serial}: due maintenance {PlanId} {Period} dropped: {Reason}")]
    public static partial void MaintenanceDueDropped(this ILogger logger, string serial, string planId, string period, string reason);

    [LoggerMessage(EventId = 9204, Level = LogLevel.Warning, Message = "Device {Serial}: the next occurrence of plan {PlanId} could not be handed to the scheduler (handed over at the device's next change)")]
    public static partial void MaintenanceHandOverFailed(this ILogger logger, Exception exception, string serial, string planId);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Warning, Message = "Device {Serial}: the region's index of open maintenance work orders missed {CaseNumber}")]
    public static partial void MaintenanceIndexFailed(this ILogger logger, Exception exception, string serial, string caseNumber);
}
