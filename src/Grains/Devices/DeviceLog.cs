using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>Log events of the device grain.</summary>
internal static partial class DeviceLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Device {Serial} registered to customer {CustomerId}")]
    public static partial void DeviceRegistered(this ILogger logger, string serial, string customerId);
}
