using System.Collections.Immutable;

namespace AfterSales.Routing;

/// <summary>
/// The one routing document of the deployment: skill rules, case-type weights, strategies, region neighbours,
/// overflow thresholds and the optional-skill relaxation delay. <see cref="Version"/> is its ETag.
/// </summary>
/// <param name="Weights">One entry per case type.</param>
/// <param name="DefaultStrategy">The strategy of every department-region without an entry in <paramref name="Strategies"/>.</param>
/// <param name="RelaxationDelay">How long a case waits in a queue before its optional skills are dropped.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RoutingPolicy")]
public sealed record RoutingPolicy(
    [property: Id(0)] int Version,
    [property: Id(1)] ImmutableArray<SkillRule> Rules,
    [property: Id(2)] ImmutableArray<CaseTypeWeight> Weights,
    [property: Id(3)] RoutingStrategy DefaultStrategy,
    [property: Id(4)] ImmutableArray<DepartmentStrategy> Strategies,
    [property: Id(5)] ImmutableArray<RegionNeighbours> Neighbours,
    [property: Id(6)] OverflowThresholds Overflow,
    [property: Id(7)] TimeSpan RelaxationDelay,
    [property: Id(8)] DateTimeOffset UpdatedAt);
