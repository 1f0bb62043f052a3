using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>Log events of maintenance work orders as their cases end, are cancelled, move and are re-issued.</summary>
internal static partial class WorkOrderLog
{
    [LoggerMessage(EventId = 9641, Level = LogLevel.Information, Message = "Device {Serial}: maintenance work order {CaseNumber} cancelled; occurrence {SourceId} {Period} not served")]
    public static partial void MaintenanceCancelled(this ILogger logger, string serial, string caseNumber, string sourceId, string period);

    [LoggerMessage(EventId = 9642, Level = LogLevel.Information, Message = "Device {Serial}: cancelled maintenance work order {CaseNumber} re-issued as {Reissue}")]
    public static partial void MaintenanceReissued(this ILogger logger, string serial, string caseNumber, string reissue);
}
