using AfterSales.Api.Hosting;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Api.Routing;

/// <summary>The routing policy. <paramref name="Version"/> is also sent as the <c>ETag</c> header; the other members
/// are exactly what <c>PUT /api/routing/policy</c> takes.</summary>
/// <param name="Version">Increases with every change; send it back in <c>If-Match</c>.</param>
/// <param name="Weights">Capacity units per case type, one entry per type.</param>
/// <param name="DefaultStrategy">The strategy of every department-region without an entry in <paramref name="Strategies"/>.</param>
/// <param name="RelaxationDelay">How long a case waits in a queue before its optional skills are dropped.</param>
public sealed record RoutingPolicyResponse(
    int Version,
    IReadOnlyList<SkillRuleResponse> Rules,
    IReadOnlyList<CaseTypeWeightResponse> Weights,
    RoutingStrategy DefaultStrategy,
    IReadOnlyList<DepartmentStrategyResponse> Strategies,
    IReadOnlyList<RegionNeighboursResponse> Neighbours,
    OverflowThresholdsResponse Overflow,
    TimeSpan RelaxationDelay,
    DateTimeOffset UpdatedAt)
{
    internal static RoutingPolicyResponse From(RoutingPolicy policy) => new(
        policy.Version,
        [.. policy.Rules.OrEmpty().Select(SkillRuleResponse.From)],
        [.. policy.Weights.OrEmpty().Select(w => new CaseTypeWeightResponse(w.Type, w.Weight))],
        policy.DefaultStrategy,
        [.. policy.Strategies.OrEmpty().Select(s => new DepartmentStrategyResponse(s.Department, s.Strategy, s.Region))],
        [.. policy.Neighbours.OrEmpty().Select(n => new RegionNeighboursResponse(n.Region, n.Neighbours.OrEmpty()))],
        new OverflowThresholdsResponse(policy.Overflow.QueueLength, policy.Overflow.OldestWait),
        policy.RelaxationDelay,
        policy.UpdatedAt);
}

/// <summary>A skill rule of the routing policy.</summary>
/// <param name="CaseType">Matches cases of this type only; null: any type.</param>
/// <param name="DeviceModel">Matches cases about a device of this model only; null: any.</param>
/// <param name="Category">Matches cases opened with this fault category only; null: any.</param>
public sealed record SkillRuleResponse(
    string Id,
    CaseType? CaseType,
    string? DeviceModel,
    string? Category,
    IReadOnlyList<SkillLevelRequirement> Required,
    IReadOnlyList<SkillLevelRequirement> Optional)
{
    internal static SkillRuleResponse From(SkillRule rule) => new(
        rule.Id, rule.CaseType, rule.DeviceModel, rule.Category,
        SkillLevelRequirement.From(rule.Required), SkillLevelRequirement.From(rule.Optional));
}

/// <summary>Capacity units a case of <paramref name="Type"/> uses while a technician holds it.</summary>
public sealed record CaseTypeWeightResponse(CaseType Type, int Weight);

/// <summary>The strategy of a department in <paramref name="Region"/>, or (null) in every region without an entry of its own.</summary>
public sealed record DepartmentStrategyResponse(Department Department, RoutingStrategy Strategy, string? Region);

/// <summary>The regions <paramref name="Region"/>'s departments may overflow into, in order of preference.</summary>
public sealed record RegionNeighboursResponse(string Region, IReadOnlyList<string> Neighbours);

/// <summary>A queue this long, or whose oldest case waited this long, offers cases to neighbour regions.</summary>
public sealed record OverflowThresholdsResponse(int QueueLength, TimeSpan OldestWait);
