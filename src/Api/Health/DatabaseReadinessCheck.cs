using AfterSales.Api.Hosting;
using AfterSales.Silo.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Health;

/// <summary>Ready = this deployment's database answers a trivial query (the SQLite file in embedded mode, PostgreSQL
/// in cluster and client modes) within <see cref="ApiOptions.ReadinessTimeout"/>.</summary>
internal sealed class DatabaseReadinessCheck(DatabaseProbe database, IOptions<ApiOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ReadinessProbe.RunAsync(async limit =>
        {
            await database.ProbeAsync(limit);
            return $"{database.Name} answered.";
        }, options.Value.ReadinessTimeout, $"{database.Name} did not answer", cancellationToken);
}
