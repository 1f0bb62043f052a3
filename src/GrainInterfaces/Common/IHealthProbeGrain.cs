namespace AfterSales.Common;

/// <summary>Readiness probe: one call proves a silo answers and grain storage accepts a write.
/// Keyed by the probing process so probes never share a hot grain.</summary>
[Alias("AfterSales.IHealthProbeGrain")]
public interface IHealthProbeGrain : IGrainWithStringKey
{
    /// <summary>Writes the probe's state and returns the time it was written.</summary>
    [Alias("Probe")]
    Task<DateTimeOffset> ProbeAsync();
}
