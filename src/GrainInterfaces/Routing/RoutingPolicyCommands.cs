using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Routing;

/// <summary>Replaces the whole routing policy (PUT). Case types missing from <paramref name="Weights"/> keep their default weight.</summary>
/// <param name="ExpectedVersion">From the client's If-Match; null to skip the check.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.ReplaceRoutingPolicyRequest")]
public sealed record ReplaceRoutingPolicyRequest(
    [property: Id(0)] ImmutableArray<SkillRule> Rules,
    [property: Id(1)] ImmutableArray<CaseTypeWeight> Weights,
    [property: Id(2)] RoutingStrategy DefaultStrategy,
    [property: Id(3)] ImmutableArray<DepartmentStrategy> Strategies,
    [property: Id(4)] ImmutableArray<RegionNeighbours> Neighbours,
    [property: Id(5)] OverflowThresholds Overflow,
    [property: Id(6)] TimeSpan RelaxationDelay,
    [property: Id(7)] int? ExpectedVersion = null);

/// <summary>Adds a skill rule, or replaces the rule with the same id.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.PutSkillRuleRequest")]
public sealed record PutSkillRuleRequest(
    [property: Id(0)] SkillRule Rule,
    [property: Id(1)] int? ExpectedVersion = null);

/// <summary>Removes a skill rule (404 when no rule has the id).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.RemoveSkillRuleRequest")]
public sealed record RemoveSkillRuleRequest(
    [property: Id(0)] string RuleId,
    [property: Id(1)] int? ExpectedVersion = null);

/// <summary>Sets the strategy of a department in one region, or (Region null) its default for every region;
/// Strategy null removes the entry so the broader setting applies again.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.SetDepartmentStrategyRequest")]
public sealed record SetDepartmentStrategyRequest(
    [property: Id(0)] Department Department,
    [property: Id(1)] string? Region,
    [property: Id(2)] RoutingStrategy? Strategy,
    [property: Id(3)] int? ExpectedVersion = null);

/// <summary>Sets the neighbour regions of a region (an empty list removes them).</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.SetRegionNeighboursRequest")]
public sealed record SetRegionNeighboursRequest(
    [property: Id(0)] string Region,
    [property: Id(1)] ImmutableArray<string> Neighbours,
    [property: Id(2)] int? ExpectedVersion = null);
