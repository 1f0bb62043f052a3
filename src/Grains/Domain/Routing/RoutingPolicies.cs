using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>Defaults of the routing policy and the lookups routing makes in it.</summary>
internal static class RoutingPolicies
{
    /// <summary>Consultation 1, complaint 2, fault 2, installation 3 and maintenance 3 (field visits), problem 2 (analysis
    /// at the desk; the field work stays with its fault cases).</summary>
    public static ImmutableArray<CaseTypeWeight> DefaultWeights { get; } =
    [
        new(CaseType.Consultation, 1),
        new(CaseType.Fault, 2),
        new(CaseType.Complaint, 2),
        new(CaseType.Installation, 3),
        new(CaseType.Maintenance, 3),
        new(CaseType.Problem, 2),
    ];

    public static OverflowThresholds DefaultOverflow { get; } = new(10, TimeSpan.FromMinutes(5));

    public static TimeSpan DefaultRelaxationDelay { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Version 1 with no rules, default weights, least-loaded everywhere, no neighbours.</summary>
    public static RoutingPolicy Default(DateTimeOffset at) =>
        new(1, [], DefaultWeights, RoutingStrategy.LeastLoaded, [], [], DefaultOverflow, DefaultRelaxationDelay, at);

    /// <summary>Capacity units of a case type: the policy's weight, or the default when the policy has none.</summary>
    public static int WeightOf(RoutingPolicy policy, CaseType type)
    {
        if (!policy.Weights.IsDefault)
        {
            foreach (var weight in policy.Weights)
            {
                if (weight.Type == type)
                {
                    return weight.Weight;
                }
            }
        }
        foreach (var weight in DefaultWeights)
        {
            if (weight.Type == type)
            {
                return weight.Weight;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown case type.");
    }

    /// <summary>The department-region's own entry, else the department's entry for all regions, else the default.</summary>
    public static RoutingStrategy StrategyFor(RoutingPolicy policy, Department department, string region)
    {
        RoutingStrategy? everywhere = null;
        if (!policy.Strategies.IsDefault)
        {
            foreach (var entry in policy.Strategies)
            {
                if (entry.Department != department)
                {
                    continue;
                }
                if (entry.Region is null)
                {
                    everywhere = entry.Strategy;
                }
                else if (string.Equals(entry.Region, region, StringComparison.Ordinal))
                {
                    return entry.Strategy;
                }
            }
        }
        return everywhere ?? policy.DefaultStrategy;
    }

    /// <summary>The neighbour regions of <paramref name="region"/>, in order of preference.</summary>
    public static ImmutableArray<string> NeighboursOf(RoutingPolicy policy, string region)
    {
        if (!policy.Neighbours.IsDefault)
        {
            foreach (var entry in policy.Neighbours)
            {
                if (string.Equals(entry.Region, region, StringComparison.Ordinal))
                {
                    return entry.Neighbours.IsDefault ? [] : entry.Neighbours;
                }
            }
        }
        return [];
    }

    /// <summary>One weight per case type: the given ones, the defaults for the rest, in case-type order.</summary>
    public static ImmutableArray<CaseTypeWeight> CompleteWeights(ImmutableArray<CaseTypeWeight> weights)
    {
        var given = weights.IsDefault ? [] : weights;
        return [.. Enum.GetValues<CaseType>().Select(type => given.FirstOrDefault(w => w?.Type == type) ?? DefaultWeights.First(w => w.Type == type))];
    }
}
