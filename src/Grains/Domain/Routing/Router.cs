using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AfterSales.Routing;
using AfterSales.Staff;

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
        var eligible = new List<Scored>();
        var ineligible = new List<(TechnicianStatus Technician, string Reason)>();
        for (var i = 0; i < n; i++)
        {
            var technician = roster[i];
            if (refused is not null && refused.TryGetValue(technician.TechnicianId, out var refusal))
            {
                ineligible.Add((technician, $"refused: {refusal}"));
                continue;
            }
            var assessment = Eligibility.Assess(technician, request.Weight, request.Required, optional);
            if (assessment.Eligible)
            {
                eligible.Add(new Scored(technician, assessment.OverQualification, ((i - start + n) % n) + 1));
            }
            else
            {
                ineligible.Add((technician, assessment.Reason!));
            }
        }
        eligible.Sort(Comparer(request.Strategy));

        var preferred = request.PreferredTechnicianId;
        var affinity = preferred is null ? -1 : eligible.FindIndex(s => s.Technician.TechnicianId == preferred);
        if (affinity > 0)
        {
            var chosenByAffinity = eligible[affinity];
            eligible.RemoveAt(affinity);
            eligible.Insert(0, chosenByAffinity);
        }
        var chosen = eligible.Count > 0 ? eligible[0].Technician : null;
        var decidedBy = chosen is null ? "queued" : affinity >= 0 ? "affinity" : CamelNames.Of(request.Strategy);

        var candidates = ImmutableArray.CreateBuilder<RoutingCandidate>(Math.Min(MaxCandidates, n));
        for (var i = 0; i < eligible.Count && candidates.Count < MaxCandidates; i++)
        {
            var scored = eligible[i];
            var note = Note(request.Strategy, scored);
            if (i == 0 && affinity >= 0)
            {
                note = $"previous case's technician; {note}";
            }
            candidates.Add(new RoutingCandidate(scored.Technician.TechnicianId, true, Score(request.Strategy, scored), note));
        }
        if (candidates.Count < MaxCandidates && ineligible.Count > 0)
        {
            // The preferred technician first among the ineligible, so the decision shows why affinity did not win.
            var missed = preferred is null ? -1 : ineligible.FindIndex(x => x.Technician.TechnicianId == preferred);
            if (missed > 0)
            {
                var entry = ineligible[missed];
                ineligible.RemoveAt(missed);
                ineligible.Insert(0, entry);
            }
            for (var i = 0; i < ineligible.Count && candidates.Count < MaxCandidates; i++)
            {
                var (technician, reason) = ineligible[i];
                var note = i == 0 && missed >= 0 ? $"previous case's technician, but {reason}" : reason;
                candidates.Add(new RoutingCandidate(technician.TechnicianId, false, null, note));
            }
        }

        var decision = new RoutingDecision(
            request.At, request.Department, request.Region, request.Strategy, decidedBy,
            Normal(request.Required), optional, Normal(request.MatchedRuleIds), candidates.ToImmutable(), chosen?.TechnicianId)
        {
            Relaxed = request.Relaxed,
            Considered = n,
            Eligible = eligible.Count,
        };
        return new RouterResult(decision with { Summary = Summarise(decision, ineligible.Count) }, chosen);
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
    public static string Summarise(RoutingDecision decision, int ineligible)
    {
        var text = new StringBuilder();
        if (decision.ChosenTechnicianId is { } chosen)
        {
            var note = decision.Candidates.FirstOrDefault(c => c.TechnicianId == chosen)?.Note;
            text.Append(CultureInfo.InvariantCulture, $"{chosen} by {decision.DecidedBy}");
            if (note is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({note})");
            }
            if (decision.Considered > 1)
            {
                text.Append(CultureInfo.InvariantCulture, $", {decision.Eligible} of {decision.Considered} eligible");
            }
        }
        else if (decision.Considered == 0)
        {
            text.Append("nobody on the roster");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"none of {decision.Considered} eligible: ");
            text.AppendJoin("; ", decision.Candidates.Where(c => !c.Eligible).Take(ReasonsInSummary).Select(c => $"{c.TechnicianId} {c.Note}"));
            if (ineligible > ReasonsInSummary)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {ineligible - ReasonsInSummary} more");
            }
        }
        if (!decision.Required.IsDefaultOrEmpty)
        {
            text.Append("; requires ").AppendJoin(", ", decision.Required);
        }
        if (!decision.Optional.IsDefaultOrEmpty)
        {
            text.Append("; prefers ").AppendJoin(", ", decision.Optional);
        }
        if (decision.Relaxed)
        {
            text.Append("; optional skills relaxed");
        }
        if (!decision.MatchedRuleIds.IsDefaultOrEmpty)
        {
            text.Append("; rules ").AppendJoin(", ", decision.MatchedRuleIds);
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
