using Microsoft.Extensions.Logging;

namespace AfterSales.Shipments;

/// <summary>Log events of the shipment grain.</summary>
internal static partial class ShipmentLog
{
    [LoggerMessage(EventId = 8201, Level = LogLevel.Information, Message = "Shipment {ShipmentId} accepted with {Devices} devices")]
    public static partial void ShipmentAccepted(this ILogger logger, string shipmentId, int devices);

    [LoggerMessage(EventId = 8202, Level = LogLevel.Information, Message = "Shipment {ShipmentId} completed")]
    public static partial void ShipmentCompleted(this ILogger logger, string shipmentId);

    [LoggerMessage(EventId = 8203, Level = LogLevel.Warning, Message = "Shipment {ShipmentId}: device {Serial} was refused: {Reason}")]
    public static partial void DeviceRefused(this ILogger logger, string shipmentId, string serial, string reason);

    [LoggerMessage(EventId = 8204, Level = LogLevel.Warning, Message = "Shipment {ShipmentId}: completing it failed; its reminder retries")]
    public static partial void CompletionFailed(this ILogger logger, Exception exception, string shipmentId);
}
