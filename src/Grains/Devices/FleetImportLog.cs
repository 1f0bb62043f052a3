using Microsoft.Extensions.Logging;

namespace AfterSales.Devices;

/// <summary>Log events of the fleet import, one per batch.</summary>
internal static partial class FleetImportLog
{
    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Fleet import: {Rows} rows, {Created} created, {Unchanged} unchanged, {Refused} refused, in {ElapsedMs} ms")]
    public static partial void FleetImported(this ILogger logger, int rows, int created, int unchanged, int refused, long elapsedMs);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Information, Message = "Fleet import of {Rows} rows refused: {Unknown} rows name an unknown customer or model")]
    public static partial void FleetImportRefused(this ILogger logger, int rows, int unknown);
}
