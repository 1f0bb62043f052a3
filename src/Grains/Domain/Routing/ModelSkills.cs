using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>Adds the skills a device's model needs (its installation or maintenance skills) to what the policy's rules
/// derive: they are required, merged by skill name with the rules' requirements keeping the highest level, and the
/// model is named among the reasons as <c>model:{code}</c>.</summary>
internal static class ModelSkills
{
    public static CaseRequirements Merge(CaseRequirements fromRules, string? model, IReadOnlyCollection<SkillRequirement> modelSkills)
    {
        if (model is null || modelSkills.Count == 0)
        {
            return fromRules;
        }
        var required = new Dictionary<string, SkillRequirement>(StringComparer.OrdinalIgnoreCase);
        foreach (var requirement in fromRules.Required.Concat(modelSkills))
        {
            if (!required.TryGetValue(requirement.Name, out var held) || held.MinLevel < requirement.MinLevel)
            {
                required[requirement.Name] = held is null ? requirement : held with { MinLevel = requirement.MinLevel };
            }
        }
        return new CaseRequirements(
            [.. required.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal)],
            [.. fromRules.Optional.Where(o => !required.ContainsKey(o.Name))],
            [.. fromRules.MatchedRuleIds, $"model:{model}"]);
    }
}
