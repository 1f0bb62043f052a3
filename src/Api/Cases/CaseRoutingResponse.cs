using AfterSales.Api.Hosting;
using AfterSales.Api.Routing;
using AfterSales.Common;
using AfterSales.Routing;

namespace AfterSales.Api.Cases;

/// <summary>Where a case is routed, what it needs, and why it went where it went.</summary>
/// <param name="AssignedTechnicianId">The technician holding the case now, if any.</param>
/// <param name="Queued">True while the case waits in its department's queue.</param>
/// <param name="DeviceModel">The model of the case's device, matched by skill rules.</param>
/// <param name="Category">The fault category the case was opened with, matched by skill rules.</param>
/// <param name="PreferredTechnicianId">Customer affinity: the technician of the customer's previous case.</param>
/// <param name="OptionalRelaxed">True once a queue dropped the case's optional skills.</param>
/// <param name="Decisions">The most recent routing decisions, oldest first (at most 20).</param>
public sealed record CaseRoutingResponse(
    string Number,
    Department Department,
    string Region,
    string? AssignedTechnicianId,
    bool Queued,
    string? DeviceModel,
    string? Category,
    string? PreferredTechnicianId,
    bool OptionalRelaxed,
    IReadOnlyList<RoutingDecisionResponse> Decisions)
{
    internal static CaseRoutingResponse From(CaseRouting routing) => new(
        routing.Number, routing.Department, routing.Region, routing.AssignedTechnicianId, routing.Queued, routing.DeviceModel,
        routing.Category, routing.PreferredTechnicianId, routing.OptionalRelaxed,
        [.. routing.Decisions.OrEmpty().Select(RoutingDecisionResponse.From)]);
}

/// <summary>One routing decision: the requirements applied, the candidates with their scores, and the rule that decided.</summary>
/// <param name="Strategy">The department-region's strategy at the time.</param>
/// <param name="DecidedBy"><c>affinity</c>, the strategy (<c>leastLoaded</c>, <c>roundRobin</c>, <c>bestSkillMatch</c>),
/// <c>manual</c>, <c>overflow</c>, <c>retry</c>, or <c>queued</c> when nobody could take the case.</param>
/// <param name="Required">Skills a technician had to have.</param>
/// <param name="Optional">Skills still preferred (dropped once the case is relaxed).</param>
/// <param name="MatchedRuleIds">The skill rules of the routing policy that applied, and <c>model:{code}</c> when the skills of the
/// device's model applied (installation and maintenance cases).</param>
/// <param name="Candidates">At most ten: the eligible ones best first, then the others with the reason they were not.</param>
/// <param name="ChosenTechnicianId">Null when the case was queued.</param>
/// <param name="Relaxed">True when the case's optional skills had been dropped before this decision.</param>
/// <param name="Considered">Technicians looked at.</param>
/// <param name="Eligible">How many of them could take the case.</param>
/// <param name="Summary">The one-line account also written into the case history.</param>
public sealed record RoutingDecisionResponse(
    DateTimeOffset At,
    Department Department,
    string Region,
    RoutingStrategy Strategy,
    string DecidedBy,
    IReadOnlyList<SkillLevelRequirement> Required,
    IReadOnlyList<SkillLevelRequirement> Optional,
    IReadOnlyList<string> MatchedRuleIds,
    IReadOnlyList<RoutingCandidateResponse> Candidates,
    string? ChosenTechnicianId,
    bool Relaxed,
    int Considered,
    int Eligible,
    string Summary)
{
    internal static RoutingDecisionResponse From(RoutingDecision decision) => new(
        decision.At, decision.Department, decision.Region, decision.Strategy, decision.DecidedBy,
        SkillLevelRequirement.From(decision.Required), SkillLevelRequirement.From(decision.Optional),
        decision.MatchedRuleIds.OrEmpty(), [.. decision.Candidates.OrEmpty().Select(RoutingCandidateResponse.From)],
        decision.ChosenTechnicianId, decision.Relaxed, decision.Considered, decision.Eligible, decision.Summary);
}

/// <summary>One technician as the router saw it.</summary>
/// <param name="Score">The strategy's measure, lower is better (load ratio, over-qualification, round-robin turn); null when not eligible.</param>
/// <param name="Note">Why: e.g. <c>0.25 load</c>, <c>missing hydraulics≥3</c>, <c>off shift</c>, <c>needs 3 free units, has 1 (4/5)</c>.</param>
public sealed record RoutingCandidateResponse(string TechnicianId, bool Eligible, double? Score, string Note)
{
    internal static RoutingCandidateResponse From(RoutingCandidate candidate) =>
        new(candidate.TechnicianId, candidate.Eligible, candidate.Score, candidate.Note);
}
