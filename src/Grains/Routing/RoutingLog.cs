using Microsoft.Extensions.Logging;

namespace AfterSales.Routing;

/// <summary>Log events of the routing policy.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Routing policy seeded from configuration: {Rules} rules")]
    public static partial void PolicySeeded(this ILogger logger, int rules);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Routing policy changed to version {Version} ({Change})")]
    public static partial void PolicyChanged(this ILogger logger, int version, string change);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Refreshing the routing policy failed; routing keeps version {Version}")]
    public static partial void PolicyRefreshFailed(this ILogger logger, Exception exception, int version);
}
