using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>Log events of the device grain.</summary>
internal static partial class DeviceLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Device {Serial} registered to customer {CustomerId}")]
    public static partial void DeviceRegistered(this ILogger logger, string serial, string customerId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Device {Serial}: {Kind}, {From} → {To}")]
    public static partial void DeviceChanged(this ILogger logger, string serial, string kind, DeviceStatus from, DeviceStatus to);

    [LoggerMessage(EventId = 9401, Level = LogLevel.Warning, Message = "Device {Serial}: the work order of {SourceId} ({Period}) could not be opened; retried with the next readings")]
    public static partial void TriggerNotOpened(this ILogger logger, Exception exception, string serial, string sourceId, string period);
}
