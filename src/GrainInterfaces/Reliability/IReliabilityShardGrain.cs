using System.Collections.Immutable;

namespace AfterSales.Reliability;

/// <summary>One shard of a model's reliability (key: <see cref="ReliabilityKeys.Shard"/>): the facts of the devices whose
/// serial falls in it, one row per case and per device, and their running totals. Devices send their facts; nothing
/// scans devices.</summary>
[Alias("AfterSales.IReliabilityShardGrain")]
public interface IReliabilityShardGrain : IGrainWithStringKey
{
    /// <summary>A case's fact replaces the one held for it (a stale or repeated fact changes nothing).</summary>
    [Alias("OnCaseWork")]
    Task OnCaseWorkAsync(CaseWorkFact fact);

    /// <summary>A device's time in service replaces the one held for it (a stale or repeated fact changes nothing).</summary>
    [Alias("OnService")]
    Task OnServiceAsync(DeviceServiceFact fact);

    /// <summary>Many devices' times in service at once, in one write (a fleet import's path; each as <see cref="OnServiceAsync"/>).</summary>
    [Alias("OnServices")]
    Task OnServicesAsync(ImmutableArray<DeviceServiceFact> facts);

    /// <summary>The shard's running totals.</summary>
    [Alias("GetTotals"), ReadOnly]
    Task<ReliabilityTotals> GetTotalsAsync();
}
