using System.Collections.Immutable;
using AfterSales.Routing;

namespace AfterSales.Domain.Routing;

/// <summary>The skills a case needs as the policy's rules derive them, and which rules said so.</summary>
internal sealed record CaseRequirements(
    ImmutableArray<SkillRequirement> Required,
    ImmutableArray<SkillRequirement> Optional,
    ImmutableArray<string> MatchedRuleIds)
{
    public static CaseRequirements None { get; } = new([], [], []);
}
