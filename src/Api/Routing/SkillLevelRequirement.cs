using System.Collections.Immutable;
using AfterSales.Routing;

namespace AfterSales.Api.Routing;

/// <summary>A skill a case needs, at a minimum level from 1 (basic) to 5 (expert).</summary>
public sealed record SkillLevelRequirement(string Name, int MinLevel)
{
    internal static SkillLevelRequirement[] From(ImmutableArray<SkillRequirement> requirements) =>
        requirements.IsDefault ? [] : [.. requirements.Select(r => new SkillLevelRequirement(r.Name, r.MinLevel))];
}
