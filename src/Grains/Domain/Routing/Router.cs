using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>
/// Picks a technician for a case from a department's routing view and explains the choice. Eligibility first
/// (<see cref="Eligibility"/>); among the eligible, customer affinity wins when the preferred technician is one
/// of them, otherwise the strategy orders them: <c>leastLoaded</c> (load ratio, idle longest, id),
/// <c>roundRobin</c> (roster order after the last one chosen), <c>bestSkillMatch</c> (least over-qualified, then
/// least loaded). Pure: the caller owns the roster view, the round-robin cursor and the refusals so far.
/// </summary>
internal static class Router
{
    /// <summary>How many candidates a decision keeps.</summary>
    public const int MaxCandidates = 10;

    private const int ReasonsInSummary = 3;

    /// <param name="roster">The department's view, in ordinal technician-id order (round-robin's order).</param>
    /// <param name="roundRobinCursor">The technician chosen last by round-robin (may have left the roster).</param>
    /// <param name="refused">Technicians that refused this case already, with their reasons: not eligible again.</param>
    public static RouterResult Decide(
        RoutingRequest request,
        IReadOnlyList<TechnicianStatus> roster,
        string? roundRobinCursor = null,
        IReadOnlyDictionary<string, string>? refused = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Weight, 1);
        var optional = request.EffectiveOptional;
        var n = roster.Count;
        var start = RoundRobinStart(roster, roundRobinCursor);
        var compare = Comparer(request.Strategy);
        var preferred = request.PreferredTechnicianId;

        // A decision keeps at most MaxCandidates candidates, so only the best MaxCandidates eligible (a bounded
        // insertion, not a sort of everyone) and the first MaxCandidates ineligible in roster order (whose reasons
        // are the only ones written) are kept, plus the preferred technician wherever it ranks. The orders are
        // total (ties end on the id, turns are distinct), so this picks exactly what a full sort would.
        var best = new Scored[MaxCandidates];
        var bestCount = 0;
        var eligibleCount = 0;
        Scored? preferredEligible = null;
        var ineligible = new (TechnicianStatus Technician, string Reason)[MaxCandidates];
        var ineligibleKept = 0;
        var ineligibleCount = 0;
        (TechnicianStatus Technician, string Reason)? preferredIneligible = null;
        for (var i = 0; i < n; i++)
        {
            var technician = roster[i];
            var isPreferred = preferred is not null && string.Equals(technician.TechnicianId, preferred, StringComparison.Ordinal);
            var wanted = isPreferred || ineligibleKept < MaxCandidates;
            string? reason = null;
            if (refused is not null && refused.TryGetValue(technician.TechnicianId, out var refusal))
            {
                reason = wanted ? $"refused: {refusal}" : "";
            }
            else if (Eligibility.IsEligible(technician, request.Weight, request.Required, optional, out var overQualification))
            {
                eligibleCount++;
                var scored = new Scored(technician, overQualification, ((i - start + n) % n) + 1);
                if (isPreferred)
                {
                    preferredEligible = scored;
                }
                else
                {
                    Insert(best, ref bestCount, scored, compare);
                }
                continue;
            }
            else if (wanted)
            {
                reason = Eligibility.Assess(technician, request.Weight, request.Required, optional).Reason!;
            }
            ineligibleCount++;
            if (isPreferred)
            {
                preferredIneligible = (technician, reason!);
            }
            else if (ineligibleKept < MaxCandidates)
            {
                ineligible[ineligibleKept++] = (technician, reason!);
            }
        }

        var affinity = preferredEligible is not null;
        var chosen = affinity ? preferredEligible!.Value.Technician : bestCount > 0 ? best[0].Technician : null;
        var decidedBy = chosen is null ? DecisionKinds.Queued : affinity ? DecisionKinds.Affinity : CamelNames.Of(request.Strategy);

        var candidates = ImmutableArray.CreateBuilder<RoutingCandidate>(Math.Min(MaxCandidates, n));
        if (preferredEligible is { } first)
        {
            candidates.Add(new RoutingCandidate(
                first.Technician.TechnicianId, true, Score(request.Strategy, first), $"previous case's technician; {Note(request.Strategy, first)}"));
        }
        for (var i = 0; i < bestCount && candidates.Count < MaxCandidates; i++)
        {
            candidates.Add(new RoutingCandidate(best[i].Technician.TechnicianId, true, Score(request.Strategy, best[i]), Note(request.Strategy, best[i])));
        }
        if (candidates.Count < MaxCandidates && preferredIneligible is { } missed)
        {
            // The preferred technician first among the ineligible, so the decision shows why affinity did not win.
            candidates.Add(new RoutingCandidate(missed.Technician.TechnicianId, false, null, $"previous case's technician, but {missed.Reason}"));
        }
        for (var i = 0; i < ineligibleKept && candidates.Count < MaxCandidates; i++)
        {
            candidates.Add(new RoutingCandidate(ineligible[i].Technician.TechnicianId, false, null, ineligible[i].Reason));
        }

        var required = Normal(request.Required);
        var matched = Normal(request.MatchedRuleIds);
        var list = candidates.Count == candidates.Capacity ? candidates.MoveToImmutable() : candidates.ToImmutable();
        var decision = new RoutingDecision(
            request.At, request.Department, request.Region, request.Strategy, decidedBy,
            required, optional, matched, list, chosen?.TechnicianId)
        {
            Relaxed = request.Relaxed,
            Considered = n,
            Eligible = eligibleCount,
            Summary = Summarise(chosen?.TechnicianId, decidedBy, list, n, eligibleCount, required, optional, request.Relaxed, matched, ineligibleCount),
        };
        return new RouterResult(decision, chosen);
    }

    /// <summary>Inserts <paramref name="item"/> into the sorted <paramref name="best"/> unless it ranks below all of
    /// a full array; the last one drops out.</summary>
    private static void Insert(Scored[] best, ref int count, Scored item, Comparison<Scored> compare)
    {
        if (count == best.Length && compare(item, best[count - 1]) >= 0)
        {
            return;
        }
        var at = count < best.Length ? count++ : count - 1;
        while (at > 0 && compare(item, best[at - 1]) < 0)
        {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = item;
    }

    /// <summary>A decision not taken by ranking the roster (a retry to the technician offered before, a
    /// supervisor's assignment, a neighbour region's placement): one candidate, the chosen one.</summary>
    public static RoutingDecision Forced(RoutingRequest request, string technicianId, string decidedBy, string note)
    {
        var decision = new RoutingDecision(
            request.At, request.Department, request.Region, request.Strategy, decidedBy,
            Normal(request.Required), request.EffectiveOptional, Normal(request.MatchedRuleIds),
            [new RoutingCandidate(technicianId, true, null, note)], technicianId)
        {
            Relaxed = request.Relaxed,
            Considered = 1,
            Eligible = 1,
        };
        return decision with { Summary = Summarise(decision, 0) };
    }

    /// <summary>The one-line account of a decision for the case history.</summary>
    public static string Summarise(RoutingDecision decision, int ineligible) =>
        Summarise(decision.ChosenTechnicianId, decision.DecidedBy, decision.Candidates, decision.Considered, decision.Eligible,
            decision.Required, decision.Optional, decision.Relaxed, decision.MatchedRuleIds, ineligible);

    private static string Summarise(
        string? chosen, string decidedBy, ImmutableArray<RoutingCandidate> candidates, int considered, int eligible,
        ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional, bool relaxed,
        ImmutableArray<string> matchedRuleIds, int ineligible)
    {
        var text = new StringBuilder(128);
        if (chosen is not null)
        {
            string? note = null;
            foreach (var candidate in candidates)
            {
                if (candidate.TechnicianId == chosen)
                {
                    note = candidate.Note;
                    break;
                }
            }
            text.Append(chosen).Append(" by ").Append(decidedBy);
            if (note is not null)
            {
                text.Append(" (").Append(note).Append(')');
            }
            if (considered > 1)
            {
                text.Append(CultureInfo.InvariantCulture, $", {eligible} of {considered} eligible");
            }
        }
        else if (considered == 0)
        {
            text.Append("nobody on the roster");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"none of {considered} eligible: ");
            var shown = 0;
            foreach (var candidate in candidates)
            {
                if (candidate.Eligible)
                {
                    continue;
                }
                if (shown == ReasonsInSummary)
                {
                    break;
                }
                if (shown++ > 0)
                {
                    text.Append("; ");
                }
                text.Append(candidate.TechnicianId).Append(' ').Append(candidate.Note);
            }
            if (ineligible > ReasonsInSummary)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {ineligible - ReasonsInSummary} more");
            }
        }
        if (!required.IsDefaultOrEmpty)
        {
            text.Append("; requires ").AppendJoin(", ", required);
        }
        if (!optional.IsDefaultOrEmpty)
        {
            text.Append("; prefers ").AppendJoin(", ", optional);
        }
        if (relaxed)
        {
            text.Append("; optional skills relaxed");
        }
        if (!matchedRuleIds.IsDefaultOrEmpty)
        {
            text.Append("; rules ").AppendJoin(", ", matchedRuleIds);
        }
        return text.ToString();
    }

    /// <summary>Index of the first technician after <paramref name="cursor"/> in ordinal id order (wrapping to 0).</summary>
    internal static int RoundRobinStart(IReadOnlyList<TechnicianStatus> roster, string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }
        for (var i = 0; i < roster.Count; i++)
        {
            if (string.CompareOrdinal(roster[i].TechnicianId, cursor) > 0)
            {
                return i;
            }
        }
        return 0;
    }

    private static Comparison<Scored> Comparer(RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.RoundRobin => static (a, b) => a.Turn.CompareTo(b.Turn),
        RoutingStrategy.BestSkillMatch => static (a, b) =>
        {
            var byFit = a.OverQualification.CompareTo(b.OverQualification);
            return byFit != 0 ? byFit : LeastLoaded.Compare(a.Technician, b.Technician);
        },
        _ => static (a, b) => LeastLoaded.Compare(a.Technician, b.Technician),
    };

    private static double Score(RoutingStrategy strategy, Scored scored) => strategy switch
    {
        RoutingStrategy.RoundRobin => scored.Turn,
        RoutingStrategy.BestSkillMatch => scored.OverQualification,
        _ => Math.Round(scored.Technician.LoadRatio, 4),
    };

    private static string Note(RoutingStrategy strategy, Scored scored)
    {
        var load = string.Create(CultureInfo.InvariantCulture, $"{scored.Technician.LoadRatio:0.##} load");
        return strategy switch
        {
            RoutingStrategy.RoundRobin => string.Create(CultureInfo.InvariantCulture, $"turn {scored.Turn}, {load}"),
            RoutingStrategy.BestSkillMatch => scored.OverQualification == 0
                ? $"exact skill match, {load}"
                : string.Create(CultureInfo.InvariantCulture, $"over-qualified by {scored.OverQualification}, {load}"),
            _ => load,
        };
    }

    private static ImmutableArray<T> Normal<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private readonly record struct Scored(TechnicianStatus Technician, int OverQualification, int Turn);
}
