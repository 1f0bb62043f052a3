using System.ComponentModel.DataAnnotations;
using AfterSales.Api.Validation;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Api.Routing;

/// <summary>The whole routing policy, replacing the current one. Every member is required (send <c>[]</c> to
/// clear a list), so a forgotten member never wipes rules by accident; <c>GET /api/routing/policy</c> answers the
/// same members plus <c>version</c> and <c>updatedAt</c>.</summary>
/// <param name="Rules">Skill rules (at most 500, ids unique).</param>
/// <param name="Weights">Capacity units per case type (1-100); case types left out keep their defaults
/// (consultation 1, complaint 2, fault 2, installation 3, maintenance 3, problem 2).</param>
/// <param name="DefaultStrategy">The strategy of every department-region without an entry in <paramref name="Strategies"/>.</param>
/// <param name="Strategies">Strategies of departments, in one region or (region left out) every region.</param>
/// <param name="Neighbours">The regions each region's departments may overflow into, in order of preference.</param>
/// <param name="Overflow">When a department-region starts offering waiting cases to its neighbour regions.</param>
/// <param name="RelaxationDelay">How long a case waits in a queue before its optional skills are dropped,
/// <c>[d.]hh:mm:ss</c> (zero to 7 days).</param>
public sealed record RoutingPolicyRequest(
    [property: Required] IReadOnlyList<SkillRuleRequest>? Rules,
    [property: Required] IReadOnlyList<CaseTypeWeightRequest>? Weights,
    [property: Required] RoutingStrategy? DefaultStrategy,
    [property: Required] IReadOnlyList<DepartmentStrategyRequest>? Strategies,
    [property: Required] IReadOnlyList<RegionNeighboursRequest>? Neighbours,
    [property: Required] OverflowThresholdsRequest? Overflow,
    [property: Required] TimeSpan? RelaxationDelay)
{
    internal ReplaceRoutingPolicyRequest? ToContract(ValidationErrors errors)
    {
        var rules = errors.RequiredList("rules", Rules, (rule, at) => rule.ToContract(errors, at));
        var weights = errors.RequiredList("weights", Weights, (weight, at) => weight.ToContract(errors, at));
        var defaultStrategy = errors.RequiredValue("defaultStrategy", DefaultStrategy);
        var strategies = errors.RequiredList("strategies", Strategies, (strategy, at) => strategy.ToContract(errors, at));
        var neighbours = errors.RequiredList("neighbours", Neighbours, (entry, at) => entry.ToContract(errors, at));
        var overflow = errors.Present("overflow", Overflow)?.ToContract(errors, "overflow");
        var relaxationDelay = errors.RequiredValue("relaxationDelay", RelaxationDelay);
        return errors.HasErrors
            ? null
            : new ReplaceRoutingPolicyRequest(rules!.Value, weights!.Value, defaultStrategy!.Value, strategies!.Value,
                neighbours!.Value, overflow!, relaxationDelay!.Value);
    }
}

/// <summary>Capacity units a case of a type uses while a technician holds it.</summary>
/// <param name="Type">The case type, listed once.</param>
/// <param name="Weight">1 to 100 units.</param>
public sealed record CaseTypeWeightRequest(
    [property: Required] CaseType? Type,
    [property: Required, Range(Limits.CaseTypeWeightMin, Limits.CaseTypeWeightMax)] int? Weight)
{
    internal CaseTypeWeight? ToContract(ValidationErrors errors, string path)
    {
        var type = errors.RequiredValue($"{path}.type", Type);
        var weight = errors.RequiredValue($"{path}.weight", Weight);
        return type is null || weight is null ? null : new CaseTypeWeight(type.Value, weight.Value);
    }
}

/// <summary>The strategy of a department in one region, or in every region without an entry of its own.</summary>
/// <param name="Department">The department.</param>
/// <param name="Region">One of the configured regions; left out: every region.</param>
/// <param name="Strategy">How the department picks among the eligible technicians.</param>
public sealed record DepartmentStrategyRequest(
    [property: Required] Department? Department,
    [property: Required] RoutingStrategy? Strategy,
    [property: Region] string? Region = null)
{
    internal DepartmentStrategy? ToContract(ValidationErrors errors, string path)
    {
        var department = errors.RequiredValue($"{path}.department", Department);
        var strategy = errors.RequiredValue($"{path}.strategy", Strategy);
        return department is null || strategy is null ? null : new DepartmentStrategy(department.Value, Region, strategy.Value);
    }
}

/// <summary>The regions a region's departments may overflow into.</summary>
/// <param name="Region">One of the configured regions, listed once.</param>
/// <param name="Neighbours">Other configured regions, in order of preference (at most 10).</param>
public sealed record RegionNeighboursRequest(
    [property: Required, Region] string? Region,
    [property: Required, MaxLength(Limits.Neighbours), Region, UniqueItems] IReadOnlyList<string>? Neighbours)
{
    internal RegionNeighbours? ToContract(ValidationErrors errors, string path)
    {
        var region = errors.Present($"{path}.region", Region);
        var neighbours = errors.RequiredList($"{path}.neighbours", Neighbours, (neighbour, _) => neighbour);
        return region is null || neighbours is null ? null : new RegionNeighbours(region, neighbours.Value);
    }
}

/// <summary>When a department-region offers waiting cases to its neighbour regions: when its queue holds at least
/// <paramref name="QueueLength"/> cases, or its oldest case has waited <paramref name="OldestWait"/>.</summary>
/// <param name="QueueLength">1 to 100000 cases.</param>
/// <param name="OldestWait"><c>[d.]hh:mm:ss</c>, more than zero and at most 7 days.</param>
public sealed record OverflowThresholdsRequest(
    [property: Required, Range(1, 100_000)] int? QueueLength,
    [property: Required] TimeSpan? OldestWait)
{
    internal OverflowThresholds? ToContract(ValidationErrors errors, string path)
    {
        var queueLength = errors.RequiredValue($"{path}.queueLength", QueueLength);
        var oldestWait = errors.RequiredValue($"{path}.oldestWait", OldestWait);
        return queueLength is null || oldestWait is null ? null : new OverflowThresholds(queueLength.Value, oldestWait.Value);
    }
}

/// <summary>Sets the strategy of a department (in one region or every region).</summary>
/// <param name="Strategy"><c>leastLoaded</c> (lowest load ratio), <c>roundRobin</c> or <c>bestSkillMatch</c>
/// (least over-qualified, keeping scarce experts free).</param>
public sealed record SetStrategyRequest([property: Required] RoutingStrategy? Strategy);

/// <summary>Sets the neighbour regions of a region; an empty list removes them.</summary>
/// <param name="Neighbours">Other configured regions, in order of preference (at most 10).</param>
public sealed record SetNeighboursRequest([property: Required, MaxLength(Limits.Neighbours), Region, UniqueItems] IReadOnlyList<string>? Neighbours);
