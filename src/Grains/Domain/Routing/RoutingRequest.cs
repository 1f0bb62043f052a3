using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>What the router needs to know of a case and of the department-region deciding it.</summary>
/// <param name="Optional">The case's optional skills; ignored when <paramref name="Relaxed"/>.</param>
/// <param name="PreferredTechnicianId">Customer affinity: wins when eligible.</param>
internal sealed record RoutingRequest(
    Department Department,
    string Region,
    RoutingStrategy Strategy,
    int Weight,
    ImmutableArray<SkillRequirement> Required,
    ImmutableArray<SkillRequirement> Optional,
    bool Relaxed,
    ImmutableArray<string> MatchedRuleIds,
    string? PreferredTechnicianId,
    DateTimeOffset At)
{
    /// <summary>The optional skills that still apply.</summary>
    public ImmutableArray<SkillRequirement> EffectiveOptional => Relaxed || Optional.IsDefault ? [] : Optional;
}

/// <summary>The router's answer: the decision to record and the technician to offer the case to (null: queue it).</summary>
internal sealed record RouterResult(RoutingDecision Decision, TechnicianStatus? Chosen);
