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

    /// <summary>The Prometheus text exposition format, labelled as the exporter labels it (the default answer).</summary>
    public const string PrometheusTextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>OpenMetrics, served when the scraper's <c>Accept</c> asks for it (the exporter adds
    /// <c>escaping=underscores</c>: metric names use underscores, not UTF-8).</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8; escaping=underscores";

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
        // The exporter's own MapPrometheusScrapingEndpoint answers every method and describes nothing: the scrape is mapped
        // as a GET route handler instead, so the OpenAPI document states it like every other route of the process.
        var scrape = ((IEndpointRouteBuilder)app).CreateApplicationBuilder()
            .UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider: null, predicate: _ => true, path: null, configureBranchedPipeline: null, optionsName: null)
            .Build();
        app.MapGet(MetricsPath, (Delegate)((HttpContext context) => scrape(context)))
            .WithName("GetMetrics")
            // Scraped without a credential as before; it carries counts, never personal data.
            .AllowAnonymous()
            .WithTags("Diagnostics")
            .WithSummary("Prometheus scrape: the process's metrics in the Prometheus text format (OpenMetrics when asked).")
            .WithDescription("Every instrument of the meters AfterSales and AfterSales.*, Microsoft.Orleans, System.Runtime and ASP.NET Core "
                + "(docs/OBSERVABILITY.md), as recorded up to this request (no scrape cache); in embedded mode the co-hosted silo's too. "
                + "Served in every configuration, outside /api (no concurrency limit, no 429). Prometheus text format 0.0.4 by default; "
                + "OpenMetrics 1.0.0 when Accept names application/openmetrics-text.")
            .Produces<string>(StatusCodes.Status200OK, PrometheusTextContentType, OpenMetricsContentType);
        if (DashboardSettings.Read(app.Configuration, app.Environment).IsEnabled)
        {
            app.MapOrleansDashboard(DashboardSettings.Path).ExcludeFromDescription();
        }
        return app;
    }

    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health") || path.StartsWithSegments(DashboardSettings.Path);
}
