using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace AfterSales.Api.Health;

/// <summary>Ready = the silo in this process is Active in the cluster's membership as this silo last read it (no I/O:
/// the membership service keeps the snapshot current). Joining, shutting down or declared dead is not ready, so a
/// load balancer stops sending requests to a silo that is leaving.</summary>
internal sealed class MembershipReadinessCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        var said = $"This silo is {status} in membership version {snapshot.Version.Value}; {active} silo(s) active.";
        return Task.FromResult(status == SiloStatus.Active ? HealthCheckResult.Healthy(said) : HealthCheckResult.Unhealthy(said));
    }
}
