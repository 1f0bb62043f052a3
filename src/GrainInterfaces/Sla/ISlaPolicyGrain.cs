using AfterSales.Common;

namespace AfterSales.Sla;

/// <summary>
/// Owns the SLA policy (key <see cref="GrainKeys.SlaPolicy"/>, the one policy): the documented default until
/// replaced, persisted, changed only as a whole validated document. Cases never call it per change: each silo
/// keeps a cached copy.
/// </summary>
[Alias("AfterSales.Sla.ISlaPolicyGrain")]
public interface ISlaPolicyGrain : IGrainWithStringKey
{
    /// <summary>The current policy.</summary>
    [Alias("Get"), ReadOnly]
    Task<SlaPolicy> GetAsync();

    /// <summary>Replaces the policy; refused with a field-level error when invalid, 412 on a stale version.</summary>
    [Alias("Replace")]
    Task<Result<SlaPolicy>> ReplaceAsync(ReplaceSlaPolicyRequest request);
}
