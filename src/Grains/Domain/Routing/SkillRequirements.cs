using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>
/// Derives a case's requirements from the policy: every rule whose set criteria all match applies; requirements
/// merge by skill (names compare case-insensitively) keeping the highest level; a skill both required and
/// optional is required. Output is sorted by skill name so equal inputs give equal tickets.
/// </summary>
internal static class SkillRequirements
{
    public static CaseRequirements For(RoutingPolicy policy, CaseType type, string? deviceModel, string? category)
    {
        if (policy.Rules.IsDefaultOrEmpty)
        {
            return CaseRequirements.None;
        }
        Dictionary<string, SkillRequirement>? required = null;
        Dictionary<string, SkillRequirement>? optional = null;
        ImmutableArray<string>.Builder? matched = null;
        foreach (var rule in policy.Rules)
        {
            if (!Matches(rule, type, deviceModel, category))
            {
                continue;
            }
            (matched ??= ImmutableArray.CreateBuilder<string>()).Add(rule.Id);
            Merge(ref required, rule.Required);
            Merge(ref optional, rule.Optional);
        }
        if (matched is null)
        {
            return CaseRequirements.None;
        }
        if (required is not null && optional is not null)
        {
            foreach (var name in required.Keys)
            {
                optional.Remove(name);
            }
        }
        return new CaseRequirements(Sorted(required), Sorted(optional), matched.ToImmutable());
    }

    /// <summary>True when <paramref name="rule"/> applies: each criterion it sets equals the case's.</summary>
    public static bool Matches(SkillRule rule, CaseType type, string? deviceModel, string? category) =>
        (rule.CaseType is not { } ruleType || ruleType == type)
        && (rule.DeviceModel is null || string.Equals(rule.DeviceModel, deviceModel, StringComparison.OrdinalIgnoreCase))
        && (rule.Category is null || string.Equals(rule.Category, category, StringComparison.OrdinalIgnoreCase));

    private static void Merge(ref Dictionary<string, SkillRequirement>? into, ImmutableArray<SkillRequirement> requirements)
    {
        if (requirements.IsDefaultOrEmpty)
        {
            return;
        }
        into ??= new Dictionary<string, SkillRequirement>(StringComparer.OrdinalIgnoreCase);
        foreach (var requirement in requirements)
        {
            if (!into.TryGetValue(requirement.Name, out var held) || held.MinLevel < requirement.MinLevel)
            {
                into[requirement.Name] = held is null ? requirement : held with { MinLevel = requirement.MinLevel };
            }
        }
    }

    private static ImmutableArray<SkillRequirement> Sorted(Dictionary<string, SkillRequirement>? requirements) =>
        requirements is null || requirements.Count == 0
            ? []
            : [.. requirements.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal)];
}
