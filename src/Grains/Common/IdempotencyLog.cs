using Microsoft.Extensions.Logging;

namespace AfterSales.Common;

/// <summary>Log events of idempotency records (window and partition keys only: client keys stay out of logs).</summary>
internal static partial class IdempotencyLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Expiry list {ExpiryKey} removed {Count} idempotency records")]
    public static partial void Swept(this ILogger logger, string expiryKey, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Expiry list {ExpiryKey} could not finish; the next reminder tick retries")]
    public static partial void SweepFailed(this ILogger logger, Exception exception, string expiryKey);
}
