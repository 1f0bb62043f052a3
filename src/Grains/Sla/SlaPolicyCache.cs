using AfterSales.Common;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Sla;

/// <summary>The silo's copy of the SLA policy (see <see cref="SnapshotCache{T}"/>).</summary>
internal sealed class SlaPolicyCache(IGrainFactory grains, IOptions<SlaOptions> options, TimeProvider time, ILogger<SlaPolicyCache> logger)
    : SnapshotCache<SlaPolicy>(options, time, logger)
{
    public ValueTask<SlaPolicy> GetAsync() => GetAsync(GrainKeys.SlaPolicy);

    protected override string Name(string key) => "the SLA policy";

    protected override int VersionOf(SlaPolicy value) => value.Version;

    protected override Task<SlaPolicy> FetchAsync(string key) => grains.GetGrain<ISlaPolicyGrain>(key).GetAsync();
}
