using System.Collections.Immutable;
using AfterSales.Cases;
using AfterSales.Routing;

namespace AfterSales.Departments;

/// <summary>What a department needs to route a case: handed over by the case grain.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.CaseTicket")]
public sealed record CaseTicket(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] CasePriority Priority,
    [property: Id(3)] int Weight,
    [property: Id(4)] string CustomerId,
    [property: Id(5)] DateTimeOffset CreatedAt)
{
    /// <summary>Skills a technician must have (from the policy's rules).</summary>
    [Id(6)] public ImmutableArray<SkillRequirement> Required { get; init; } = [];

    /// <summary>Skills preferred until the queue relaxes them.</summary>
    [Id(7)] public ImmutableArray<SkillRequirement> Optional { get; init; } = [];

    /// <summary>The ids of the rules the requirements came from.</summary>
    [Id(8)] public ImmutableArray<string> MatchedRuleIds { get; init; } = [];

    /// <summary>Customer affinity: the technician of the customer's previous case, preferred when eligible.</summary>
    [Id(9)] public string? PreferredTechnicianId { get; init; }

    /// <summary>True when a queue already dropped the optional skills of this case.</summary>
    [Id(10)] public bool Relaxed { get; init; }

    /// <summary>The case's next open SLA target and its due time (null without an SLA, or while paused): the
    /// department predicts breaches from it without asking the case.</summary>
    [Id(11)] public Sla.SlaDue? SlaDue { get; init; }

    /// <summary>The at-risk prediction the case holds now (null when not at risk), so a department that takes the case
    /// knows what to tell it when its own verdict differs.</summary>
    [Id(12)] public Sla.SlaForecast? AtRisk { get; init; }
}
