using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(1, LogLevel.Information, "Orleans hosting: mode {Mode}, cluster {ClusterId}, service {ServiceId}, storage {Storage}, reminders {Reminders}")]
    public static partial void Summary(ILogger logger, HostingMode mode, string clusterId, string serviceId, string storage, string reminders);
}
