using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Routing;

namespace AfterSales.Departments;

/// <summary>A case waiting in a department queue.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.QueuedCase")]
public sealed record QueuedCase(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CasePriority Priority,
    [property: Id(2)] CaseType Type,
    [property: Id(3)] int Weight,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset EnqueuedAt)
{
    /// <summary>Skills a technician must have.</summary>
    [Id(6)] public ImmutableArray<SkillRequirement> Required { get; init; } = [];

    /// <summary>Skills still preferred (empty once relaxed).</summary>
    [Id(7)] public ImmutableArray<SkillRequirement> Optional { get; init; } = [];

    /// <summary>When the queue dropped the optional skills; null while they still apply.</summary>
    [Id(8)] public DateTimeOffset? RelaxedAt { get; init; }

    /// <summary>Why the case waits, as the department last judged it (null until judged).</summary>
    [Id(9)] public WaitingReason? Waiting { get; init; }

    /// <summary>The case's next open SLA target when it joined the queue; null without one.</summary>
    [Id(10)] public Sla.SlaDue? SlaDue { get; init; }

    /// <summary>The prediction the case was last told it is at risk with; null when not at risk.</summary>
    [Id(11)] public Sla.SlaForecast? AtRisk { get; init; }
}
