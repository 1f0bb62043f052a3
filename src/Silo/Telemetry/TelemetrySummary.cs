namespace AfterSales.Silo.Telemetry;

/// <summary>What <see cref="TelemetryHostingExtensions.AddAfterSalesTelemetry"/> chose, for the start-up log.</summary>
public sealed record TelemetrySummary(string Service, string Traces, string Otlp, string Prometheus, string Dashboard);
