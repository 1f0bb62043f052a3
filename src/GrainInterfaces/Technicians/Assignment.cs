using AfterSales.Cases;

namespace AfterSales.Technicians;

/// <summary>A case a technician is working on.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Assignment")]
public sealed record Assignment(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] int Weight,
    [property: Id(4)] DateTimeOffset AssignedAt)
{
    /// <summary>When the case was started (the technician keeps started cases when going off shift).</summary>
    [Id(5)] public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The case's next open SLA target when it was offered; null without one.</summary>
    [Id(6)] public Sla.SlaDue? SlaDue { get; init; }

    /// <summary>The at-risk prediction the case held when assigned (null when not at risk).</summary>
    [Id(7)] public Sla.SlaForecast? AtRisk { get; init; }

    /// <summary>The skills the case required when offered (a department moving the case needs them).</summary>
    [Id(8)] public System.Collections.Immutable.ImmutableArray<Routing.SkillRequirement> Required { get; init; } = [];
}
