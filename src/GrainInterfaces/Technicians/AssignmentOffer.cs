using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Routing;

namespace AfterSales.Technicians;

/// <summary>A department asks a technician to take a case.</summary>
/// <param name="Weight">Capacity units the case uses while assigned.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.AssignmentOffer")]
public sealed record AssignmentOffer(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] int Weight,
    [property: Id(4)] string CustomerId)
{
    /// <summary>Skills the technician must have (it refuses otherwise); empty for a supervisor's manual assignment.</summary>
    [Id(5)] public ImmutableArray<SkillRequirement> Required { get; init; } = [];

    /// <summary>True when the case is already in progress (a reopened case going back): held as started.</summary>
    [Id(6)] public bool Started { get; init; }

    /// <summary>The case's next open SLA target (kept with the assignment for breach prediction); null without one.</summary>
    [Id(7)] public Sla.SlaDue? SlaDue { get; init; }

    /// <summary>The at-risk prediction the case held when offered (null when not at risk).</summary>
    [Id(8)] public Sla.SlaForecast? AtRisk { get; init; }
}
