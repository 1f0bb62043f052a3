using Microsoft.Extensions.Logging;

namespace AfterSales.Silo.Telemetry;

internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 9921, Level = LogLevel.Information, Message = "Telemetry: service {Service}, metrics on, traces {Traces}, OTLP {Otlp}, Prometheus listener {Prometheus}, dashboard {Dashboard}")]
    public static partial void Summary(ILogger logger, string service, string traces, string otlp, string prometheus, string dashboard);
}
