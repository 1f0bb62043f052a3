using AfterSales.Api.Hosting;
using AfterSales.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AfterSales.Api.Health;

/// <summary>Ready = a silo answers and grain storage accepts a write, within <see cref="ApiOptions.ReadinessTimeout"/>.
/// The probe grain is keyed by this process, so probes of many API processes never meet on one grain.</summary>
internal sealed class SiloReadinessCheck(IGrainFactory grains, IOptions<ApiOptions> options) : IHealthCheck
{
    private static readonly string ProbeKey = $"api/{Environment.MachineName}/{Environment.ProcessId}";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var written = await grains.GetGrain<IHealthProbeGrain>(ProbeKey).ProbeAsync()
                .WaitAsync(options.Value.ReadinessTimeout, cancellationToken);
            return HealthCheckResult.Healthy($"Silo answered and storage accepted a write at {written:O}.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"The silo did not answer within {options.Value.ReadinessTimeout.TotalMilliseconds} ms.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The probe failed: {exception.GetType().Name}.");
        }
    }
}
