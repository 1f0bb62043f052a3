using AfterSales.Api.Hosting;
using AfterSales.Silo.Hosting;
using AfterSales.Silo.Telemetry;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Health;

/// <summary>The readiness checks of each hosting mode: silo and database always, membership when a silo runs here.</summary>
internal static class HealthCheckRegistration
{
    public static IServiceCollection AddAfterSalesHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>()?.Mode ?? HostingMode.Embedded;
        services.AddSingleton(provider => DatabaseProbe.Create(configuration, provider.GetRequiredService<IOptions<ApiOptions>>().Value.ReadinessTimeout));
        var checks = services.AddHealthChecks()
            .AddCheck<SiloReadinessCheck>("silo", tags: [HealthApi.ReadyTag])
            .AddCheck<DatabaseReadinessCheck>("database", tags: [HealthApi.ReadyTag]);
        if (mode != HostingMode.Client)
        {
            checks.AddCheck<MembershipReadinessCheck>("membership", tags: [HealthApi.ReadyTag]);
        }
        return services;
    }
}
