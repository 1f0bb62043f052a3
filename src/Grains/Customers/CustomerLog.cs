using Microsoft.Extensions.Logging;

namespace AfterSales.Customers;

/// <summary>Log events of the customer grains (ids only: names, phones and emails stay out of logs).</summary>
internal static partial class CustomerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Customer {CustomerId} registered in region {Region}")]
    public static partial void CustomerRegistered(this ILogger logger, string customerId, string region);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Customer {CustomerId} does not exist; ignored {Change}")]
    public static partial void ChangeToUnknownCustomer(this ILogger logger, string customerId, string change);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Customer {CustomerId} already lists {Limit} devices; device {Serial} is not listed")]
    public static partial void DeviceListFull(this ILogger logger, string customerId, int limit, string serial);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "A phone index reached {Limit} customers; dropped the oldest, {CustomerId}")]
    public static partial void PhoneIndexFull(this ILogger logger, int limit, string customerId);
}
