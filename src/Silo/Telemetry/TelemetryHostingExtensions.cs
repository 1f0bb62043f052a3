using AfterSales.Diagnostics;
using AfterSales.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;

namespace AfterSales.Silo.Telemetry;

/// <summary>OpenTelemetry and the Orleans Dashboard for the API and the standalone silo (docs/OBSERVABILITY.md).</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Orleans' own meter (its grain, messaging, membership and storage instruments).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>The .NET runtime's built-in meter (GC, thread pool, exceptions, memory).</summary>
    public const string RuntimeMeterName = "System.Runtime";

    /// <summary>Metrics from the project's, Orleans' and the runtime's meters, always; traces from Orleans' activity
    /// sources (with grain-call propagation) when tracing is on; OTLP export when an endpoint is configured; a Prometheus
    /// listener when <c>AfterSales:Telemetry:PrometheusPort</c> is set; the dashboard's silo or client part when it is on.
    /// Call after <see cref="OrleansHostingExtensions.AddAfterSalesOrleans"/>.</summary>
    /// <param name="builder">The host.</param>
    /// <param name="defaultServiceName">The <c>service.name</c> unless configured.</param>
    /// <param name="metrics">More for the meter provider (the API adds ASP.NET Core and its scrape endpoint).</param>
    /// <param name="tracing">More for the tracer provider, called only when tracing is on.</param>
    public static IHostApplicationBuilder AddAfterSalesTelemetry(this IHostApplicationBuilder builder, string defaultServiceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? tracing = null)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var validation = new TelemetryOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(TelemetryOptions), validation.Failures);
        }
        builder.Services.AddOptions<TelemetryOptions>().Bind(section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());

        var serviceName = options.ServiceName ?? defaultServiceName;
        var otlp = OtlpEndpoint(options, builder.Configuration);
        var traces = options.Tracing ?? otlp is not null;
        var dashboard = DashboardSettings.Read(builder.Configuration, builder.Environment);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"))
            .WithMetrics(meters =>
            {
                meters.AddMeter([.. AfterSalesTelemetry.MeterNames, OrleansMeterName, RuntimeMeterName]);
                if (options.PrometheusPort is { } port)
                {
                    meters.AddPrometheusHttpListener(listener =>
                    {
                        // Every interface: the scraper is another machine or pod.
                        listener.Host = "*";
                        listener.Port = port;
                    });
                }
                metrics?.Invoke(meters);
            });
        if (traces)
        {
            telemetry.WithTracing(spans =>
            {
                spans.AddSource(ActivitySources.AllActivitySourceName)
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSamplingRatio)))
                    .AddProcessor(new PersonalDataRedactor());
                tracing?.Invoke(spans);
            });
        }
        if (otlp is not null)
        {
            // Metrics, traces and logs to one collector; an explicit protocol or endpoint wins over the OTEL_* variables.
            if (options.OtlpEndpoint is { Length: > 0 } endpoint)
            {
                telemetry.UseOtlpExporter(ToExportProtocol(options.OtlpProtocol ?? OtlpTransport.Grpc), new Uri(endpoint));
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        ConfigureOrleans(builder, traces, dashboard);
        var summary = new TelemetrySummary(serviceName, traces ? $"on (sampling {options.TraceSamplingRatio:0.###})" : "off",
            otlp is null ? "off" : Redacted(otlp), options.PrometheusPort is { } listenerPort ? $"port {listenerPort}" : "off",
            dashboard.IsEnabled ? "on" : "off");
        builder.Services.AddSingleton(summary);
        builder.Services.AddStartupLog<TelemetrySummary>((logger, logged) =>
            TelemetryLog.Summary(logger, logged.Service, logged.Traces, logged.Otlp, logged.Prometheus, logged.Dashboard));
        return builder;
    }

    /// <summary>Grain-call activity propagation (so a request's grain calls join its trace, across silos) and the
    /// dashboard's collecting part, on the silo or the client this process already hosts.</summary>
    private static void ConfigureOrleans(IHostApplicationBuilder builder, bool traces, DashboardSettings dashboard)
    {
        var mode = builder.Configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>()?.Mode ?? HostingMode.Embedded;
        Action<DashboardOptions> dashboardOptions = o => o.HideTrace = !dashboard.ShowTrace;
        if (mode == HostingMode.Client)
        {
            builder.UseOrleansClient(client =>
            {
                if (traces)
                {
                    client.AddActivityPropagation();
                }
                if (dashboard.IsEnabled)
                {
                    client.AddDashboard(dashboardOptions);
                }
            });
            return;
        }
        builder.UseOrleans(silo =>
        {
            if (traces)
            {
                silo.AddActivityPropagation();
            }
            if (dashboard.IsEnabled)
            {
                silo.AddDashboard(dashboardOptions);
            }
        });
    }

    private static string? OtlpEndpoint(TelemetryOptions options, IConfiguration configuration) =>
        options.OtlpEndpoint is { Length: > 0 } configured ? configured
        : configuration[TelemetryOptions.OtlpEndpointVariable] is { Length: > 0 } standard ? standard
        : null;

    /// <summary>Scheme, host and port only: an endpoint may carry credentials in its user info or query.</summary>
    private static string Redacted(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : "(set)";

    private static OtlpExportProtocol ToExportProtocol(OtlpTransport transport) =>
        transport == OtlpTransport.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
}
