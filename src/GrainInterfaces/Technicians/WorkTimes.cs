using AfterSales.Sla;

namespace AfterSales.Technicians;

/// <summary>A case a technician finished holding after starting it (resolved, or cancelled or moved after the start):
/// the sample its department's recent handling times are made of.</summary>
/// <param name="AssignedAt">When the technician took the case.</param>
/// <param name="StartedAt">When work started (the first response).</param>
/// <param name="ReleasedAt">When the technician let it go.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Technicians.CompletedWork")]
public sealed record CompletedWork(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] int Weight,
    [property: Id(2)] DateTimeOffset AssignedAt,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset ReleasedAt);

/// <summary>A case a technician holds now, as its department sees it for predicting when the technician frees room and
/// when a case not started yet will start.</summary>
/// <param name="StartedAt">Null while the case waits for the technician to start it.</param>
/// <param name="SlaDue">The case's next open SLA target when it was assigned; null without one.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Technicians.HeldWork")]
public sealed record HeldWork(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] int Weight,
    [property: Id(2)] DateTimeOffset AssignedAt,
    [property: Id(3)] DateTimeOffset? StartedAt,
    [property: Id(4)] SlaDue? SlaDue)
{
    /// <summary>The at-risk prediction the case held when assigned (what its department assumes it was told last).</summary>
    [Id(5)] public SlaForecast? AtRisk { get; init; }

    /// <summary>The skills the case requires (a technician it moves to must have them).</summary>
    [Id(6)] public System.Collections.Immutable.ImmutableArray<Routing.SkillRequirement> Required { get; init; } = [];
}
