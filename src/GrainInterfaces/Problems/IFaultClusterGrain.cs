namespace AfterSales.Problems;

/// <summary>Problem detection for one model and fault code (key: <see cref="Common.GrainKeys.FaultCluster"/>): keeps the
/// recent faults of that code, opens a problem when a serial range holds enough of them within the window, and links
/// later faults in that range to the open problem. One grain per model and code, so no grain sees every fault.</summary>
[Alias("AfterSales.IFaultClusterGrain")]
public interface IFaultClusterGrain : IGrainWithStringKey
{
    /// <summary>A fault case with this model and code was stored. One-way: the case tells it after its own write and
    /// never waits, because detection calls cases (it links them to the problem it opens). Idempotent per case.</summary>
    [Alias("OnFault"), OneWay]
    Task OnFaultAsync(FaultReport report);

    /// <summary>What detection holds now: the faults counting towards a cluster and the problems open for this code.</summary>
    [Alias("Get"), ReadOnly]
    Task<FaultClusterSnapshot> GetAsync();
}
