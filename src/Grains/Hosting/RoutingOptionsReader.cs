using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Routing;
using AfterSales.Routing;

namespace AfterSales.Hosting;

/// <summary>Turns <see cref="RoutingOptions"/> into a <see cref="RoutingPolicy"/> (version 1), collecting every
/// problem with its configuration path so the start-up check can list them all.</summary>
internal static class RoutingOptionsReader
{
    public static (RoutingPolicy Policy, List<string> Failures) Read(RoutingOptions options, IReadOnlyCollection<string> regions, DateTimeOffset at)
    {
        var failures = new List<string>();
        var rules = ImmutableArray.CreateBuilder<SkillRule>();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            CaseType? type = null;
            if (!string.IsNullOrWhiteSpace(rule.CaseType))
            {
                if (Enum.TryParse<CaseType>(rule.CaseType, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !IsNumber(rule.CaseType))
                {
                    type = parsed;
                }
                else
                {
                    failures.Add(Path($"Rules:{i}:CaseType", $"'{rule.CaseType}' is not a case type ({CamelNames.List<CaseType>()})."));
                }
            }
            rules.Add(new SkillRule(
                rule.Id, type, Blank(rule.DeviceModel), Blank(rule.Category),
                [.. rule.Required.Select(r => new SkillRequirement(r.Name, r.MinLevel))],
                [.. rule.Optional.Select(r => new SkillRequirement(r.Name, r.MinLevel))]));
        }

        var weights = ImmutableArray.CreateBuilder<CaseTypeWeight>();
        foreach (var (name, weight) in options.Weights)
        {
            if (Enum.TryParse<CaseType>(name, ignoreCase: true, out var type) && Enum.IsDefined(type) && !IsNumber(name))
            {
                weights.Add(new CaseTypeWeight(type, weight));
            }
            else
            {
                failures.Add(Path($"Weights:{name}", $"is not a case type ({CamelNames.List<CaseType>()})."));
            }
        }

        var defaultStrategy = ParseStrategy(options.DefaultStrategy, "DefaultStrategy", failures) ?? RoutingStrategy.LeastLoaded;
        var strategies = ImmutableArray.CreateBuilder<DepartmentStrategy>();
        for (var i = 0; i < options.Strategies.Count; i++)
        {
            var entry = options.Strategies[i];
            if (!DepartmentNames.TryParse(entry.Department, out var department))
            {
                failures.Add(Path($"Strategies:{i}:Department", $"'{entry.Department}' is not a department (customer-service, technical-support, installation, maintenance)."));
                continue;
            }
            if (ParseStrategy(entry.Strategy, $"Strategies:{i}:Strategy", failures) is { } strategy)
            {
                strategies.Add(new DepartmentStrategy(department, Blank(entry.Region), strategy));
            }
        }

        var neighbours = options.Neighbours
            .Select(pair => new RegionNeighbours(pair.Key, [.. pair.Value]))
            .ToImmutableArray();

        var policy = new RoutingPolicy(
            1, rules.ToImmutable(), RoutingPolicies.CompleteWeights(weights.ToImmutable()), defaultStrategy, strategies.ToImmutable(), neighbours,
            new OverflowThresholds(options.OverflowQueueLength, options.OverflowOldestWait), options.RelaxationDelay, at);
        // The weights were completed with defaults; check the configured ones so a bad value is reported.
        failures.AddRange(RoutingPolicyValidator.Validate(policy with { Weights = weights.ToImmutable() }, regions)
            .Select(error => $"{RoutingOptions.SectionName}: {error.Field}: {error.Message}"));
        if (options.PolicyRefreshInterval < TimeSpan.FromSeconds(1) || options.PolicyRefreshInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add(Path("PolicyRefreshInterval", "must be between 1 second and 10 minutes."));
        }
        ReadShards(options, regions, failures);
        return (policy, failures);
    }

    /// <summary>The configured shard counts; problems are added to <paramref name="failures"/> and the entry skipped.</summary>
    public static ShardCounts ReadShards(RoutingOptions options, IReadOnlyCollection<string> regions, List<string> failures)
    {
        var entries = ImmutableArray.CreateBuilder<ShardCount>();
        var seen = new HashSet<(Department, string?)>();
        for (var i = 0; i < options.Shards.Count; i++)
        {
            var entry = options.Shards[i];
            var region = Blank(entry.Region);
            var valid = true;
            if (!DepartmentNames.TryParse(entry.Department, out var department))
            {
                failures.Add(Path($"Shards:{i}:Department", $"'{entry.Department}' is not a department (customer-service, technical-support, installation, maintenance)."));
                valid = false;
            }
            if (region is not null && !regions.Contains(region, StringComparer.Ordinal))
            {
                failures.Add(Path($"Shards:{i}:Region", $"'{region}' is not a configured region."));
                valid = false;
            }
            if (entry.Count is < 1 or > ShardKeys.MaxShards)
            {
                failures.Add(Path($"Shards:{i}:Count", $"must be between 1 and {ShardKeys.MaxShards}."));
                valid = false;
            }
            if (valid && !seen.Add((department, region)))
            {
                failures.Add(Path($"Shards:{i}", $"repeats the shard count of {entry.Department} in {region ?? "every region"}."));
                valid = false;
            }
            if (valid)
            {
                entries.Add(new ShardCount(department, region, entry.Count));
            }
        }
        return new ShardCounts(entries.ToImmutable());
    }

    private static RoutingStrategy? ParseStrategy(string? value, string path, List<string> failures)
    {
        if (Enum.TryParse<RoutingStrategy>(value, ignoreCase: true, out var strategy) && Enum.IsDefined(strategy) && !IsNumber(value))
        {
            return strategy;
        }
        failures.Add(Path(path, $"'{value}' is not a strategy (leastLoaded, roundRobin, bestSkillMatch)."));
        return null;
    }

    private static bool IsNumber(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Path(string key, string message) => $"{RoutingOptions.SectionName}:{key} {message}";
}
