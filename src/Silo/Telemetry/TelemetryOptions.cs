namespace AfterSales.Silo.Telemetry;

/// <summary>How a process reports metrics and traces (section <c>AfterSales:Telemetry</c>), checked at start by
/// <see cref="TelemetryOptionsValidator"/>. Metrics are always collected (cheap: counters and gauges); traces only when
/// something receives them.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "AfterSales:Telemetry";

    /// <summary>The OpenTelemetry standard variable (or configuration key) naming the OTLP collector.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The <c>service.name</c> reported. Default: <c>aftersales-api</c> for the API, <c>aftersales-silo</c> for
    /// the standalone silo.</summary>
    public string? ServiceName { get; set; }

    /// <summary>The OTLP collector to send metrics, traces and logs to, e.g. <c>http://otel-collector:4317</c>. Default:
    /// none, which means <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is used; with neither, nothing is exported over OTLP.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport: <c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318). Default: none, which means
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> or the exporter's default, gRPC.</summary>
    public OtlpTransport? OtlpProtocol { get; set; }

    /// <summary>Record traces (ASP.NET Core requests and Orleans grain calls, propagated across silos). Default: on
    /// exactly when an OTLP endpoint is configured, since spans nobody receives are pure cost.</summary>
    public bool? Tracing { get; set; }

    /// <summary>Fraction of new traces kept (0 to 1); a trace begun upstream keeps its caller's decision. Default 1.</summary>
    public double TraceSamplingRatio { get; set; } = 1.0;

    /// <summary>A port on which this process serves the Prometheus text format at <c>/metrics</c> from its own small
    /// listener, for the standalone silo (which has no HTTP endpoint of its own). Default: none. The API serves
    /// <c>/metrics</c> on its HTTP port regardless.</summary>
    public int? PrometheusPort { get; set; }
}

/// <summary>OTLP transports.</summary>
public enum OtlpTransport
{
    /// <summary>OTLP over gRPC (default port 4317).</summary>
    Grpc,
    /// <summary>OTLP over HTTP with protobuf bodies (default port 4318).</summary>
    HttpProtobuf,
}
