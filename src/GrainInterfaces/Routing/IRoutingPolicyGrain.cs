using AfterSales.Common;

namespace AfterSales.Routing;

/// <summary>
/// Owns the routing policy (key <see cref="GrainKeys.RoutingPolicy"/>): seeded from configuration on first
/// activation, persisted, changed through validated commands. Routing never calls it per case: each silo holds a
/// cached copy refreshed every few seconds.
/// </summary>
[Alias("AfterSales.IRoutingPolicyGrain")]
public interface IRoutingPolicyGrain : IGrainWithStringKey
{
    /// <summary>The current policy.</summary>
    [Alias("Get"), ReadOnly]
    Task<RoutingPolicy> GetAsync();

    /// <summary>Replaces the policy; refused with field-level errors when invalid, 412 on a stale version.</summary>
    [Alias("Replace")]
    Task<Result<RoutingPolicy>> ReplaceAsync(ReplaceRoutingPolicyRequest request);

    /// <summary>Adds or replaces one skill rule (by id).</summary>
    [Alias("PutRule")]
    Task<Result<RoutingPolicy>> PutRuleAsync(PutSkillRuleRequest request);

    /// <summary>Removes one skill rule.</summary>
    [Alias("RemoveRule")]
    Task<Result<RoutingPolicy>> RemoveRuleAsync(RemoveSkillRuleRequest request);

    /// <summary>Sets or clears the strategy of a department (in one region or all).</summary>
    [Alias("SetStrategy")]
    Task<Result<RoutingPolicy>> SetStrategyAsync(SetDepartmentStrategyRequest request);

    /// <summary>Sets the neighbour regions of a region.</summary>
    [Alias("SetNeighbours")]
    Task<Result<RoutingPolicy>> SetNeighboursAsync(SetRegionNeighboursRequest request);
}
