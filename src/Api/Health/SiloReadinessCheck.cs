using AfterSales.Api.Hosting;
using AfterSales.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Health;

/// <summary>Ready = a silo answers (for a client: the cluster is connected) and grain storage accepts a write, within
/// <see cref="ApiOptions.ReadinessTimeout"/>. The probe grain is keyed by this process, so probes of many API processes
/// never meet on one grain.</summary>
internal sealed class SiloReadinessCheck(IGrainFactory grains, IOptions<ApiOptions> options) : IHealthCheck
{
    private static readonly string ProbeKey = $"api/{Environment.MachineName}/{Environment.ProcessId}";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        ReadinessProbe.RunAsync(async _ =>
        {
            var written = await grains.GetGrain<IHealthProbeGrain>(ProbeKey).ProbeAsync();
            return $"Silo answered and storage accepted a write at {written:O}.";
        }, options.Value.ReadinessTimeout, "The silo did not answer", cancellationToken);
}
