using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Routing;

/// <summary>
/// Why a case went where it went (or why it waits): the requirements applied, the candidates considered with
/// their scores, and the rule that decided.
/// </summary>
/// <param name="Strategy">The department-region's strategy at the time.</param>
/// <param name="DecidedBy"><c>affinity</c>, the strategy's name (<c>leastLoaded</c>, <c>roundRobin</c>,
/// <c>bestSkillMatch</c>), <c>manual</c>, <c>overflow</c>, <c>retry</c>, or <c>queued</c> when nobody could take it.</param>
/// <param name="Candidates">At most ten: eligible ones best first, then the others.</param>
/// <param name="ChosenTechnicianId">Null when the case was queued.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RoutingDecision")]
public sealed record RoutingDecision(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Department Department,
    [property: Id(2)] string Region,
    [property: Id(3)] RoutingStrategy Strategy,
    [property: Id(4)] string DecidedBy,
    [property: Id(5)] ImmutableArray<SkillRequirement> Required,
    [property: Id(6)] ImmutableArray<SkillRequirement> Optional,
    [property: Id(7)] ImmutableArray<string> MatchedRuleIds,
    [property: Id(8)] ImmutableArray<RoutingCandidate> Candidates,
    [property: Id(9)] string? ChosenTechnicianId)
{
    /// <summary>True when the case's optional skills had been dropped (relaxed) before this decision.</summary>
    [Id(10)] public bool Relaxed { get; init; }

    /// <summary>How many technicians of the roster were looked at (the candidates list keeps ten).</summary>
    [Id(11)] public int Considered { get; init; }

    /// <summary>How many of them were eligible.</summary>
    [Id(12)] public int Eligible { get; init; }

    /// <summary>The one-line account written into the case history.</summary>
    [Id(13)] public string Summary { get; init; } = "";
}

/// <summary>One technician as the router saw it.</summary>
/// <param name="Score">The strategy's measure, lower is better (load ratio, over-qualification, round-robin
/// distance); null when not eligible.</param>
/// <param name="Note">Why: e.g. <c>0.25 load</c>, <c>missing hydraulics≥3</c>, <c>off shift</c>, <c>refused: at capacity (3/3)</c>.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.RoutingCandidate")]
public sealed record RoutingCandidate(
    [property: Id(0)] string TechnicianId,
    [property: Id(1)] bool Eligible,
    [property: Id(2)] double? Score,
    [property: Id(3)] string Note);
