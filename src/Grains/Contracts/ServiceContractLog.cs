using AfterSales.Devices;
using Microsoft.Extensions.Logging;

namespace AfterSales.Contracts;

/// <summary>Log events of service contracts.</summary>
internal static partial class ServiceContractLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Service contract {ContractId} created for customer {CustomerId}: {Tier}, {Devices} devices")]
    public static partial void ContractCreated(this ILogger logger, string contractId, string customerId, ContractTier tier, int devices);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Device {Serial} refused service contract {ContractId}: {Reason}")]
    public static partial void DeviceRefusedContract(this ILogger logger, string contractId, string serial, string reason);
}
