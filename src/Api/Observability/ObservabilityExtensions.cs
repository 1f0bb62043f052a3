using AfterSales.Api.Health;
using AfterSales.Silo.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace AfterSales.Api.Observability;

/// <summary>Metrics, traces, health checks and the dashboard of the API process (docs/OBSERVABILITY.md).</summary>
internal static class ObservabilityExtensions
{
    /// <summary>Where Prometheus scrapes the API.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The process's telemetry plus ASP.NET Core's metrics and request spans, the Prometheus exporter and the
    /// readiness checks. Call after <c>AddAfterSalesOrleans</c>.</summary>
    public static WebApplicationBuilder AddAfterSalesObservability(this WebApplicationBuilder builder)
    {
        builder.AddAfterSalesTelemetry("aftersales-api",
            // No scrape cache: every scrape shows what was recorded before it (Prometheus scrapes seldom enough).
            metrics => metrics.AddAspNetCoreInstrumentation().AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0),
            // Probes and scrapes every few seconds would drown the traces that matter.
            tracing => tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperational(context.Request.Path)));
        builder.Services.AddAfterSalesHealthChecks(builder.Configuration);
        return builder;
    }

    /// <summary><c>/metrics</c>, and the dashboard at <see cref="DashboardSettings.Path"/> when it is on (kept out of the
    /// OpenAPI document: it is an operator's tool, not part of the API).</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        if (DashboardSettings.Read(app.Configuration, app.Environment).IsEnabled)
        {
            app.MapOrleansDashboard(DashboardSettings.Path).ExcludeFromDescription();
        }
        return app;
    }

    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health") || path.StartsWithSegments(DashboardSettings.Path);
}
