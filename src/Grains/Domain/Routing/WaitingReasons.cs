using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Departments;
using AfterSales.Routing;
using AfterSales.Technicians;

namespace AfterSales.Domain.Routing;

/// <summary>What a department knows when it explains why its cases wait.</summary>
/// <param name="Roster">The department's view (reservations counted), every presence.</param>
/// <param name="Elsewhere">Skill profiles of the technicians the case could also reach (sibling shards, overflow
/// neighbours); null while unknown, and then no case is called unroutable.</param>
/// <param name="PastOverflowThreshold">The queue is past its overflow threshold, so waiting cases are offered to
/// <paramref name="Neighbours"/> at each review.</param>
internal sealed record WaitingContext(
    IReadOnlyList<TechnicianStatus> Roster,
    SkillProfiles? Elsewhere,
    bool PastOverflowThreshold,
    ImmutableArray<string> Neighbours,
    TimeSpan RelaxationDelay,
    DateTimeOffset Now);

/// <summary>
/// Why a queued case waits, judged from the department's roster view, first match wins: it needs skills nobody
/// anywhere it can reach has (<see cref="WaitingReasonKind.Unroutable"/>); nobody on shift; nobody on shift with the
/// required skills (which, at which level); only optional skills hold it back (until relaxation); every qualified
/// technician at capacity; else someone could take it and cases ahead come first. Past the overflow threshold with
/// neighbours configured, any reason but unroutable becomes "sent to a neighbour", with the local reason in the
/// detail. Pure; one instance per pass caches the verdict of each distinct requirement set.
/// </summary>
internal sealed class WaitingReasons(WaitingContext context)
{
    private readonly Dictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);
    private SkillProfiles? _rosterProfiles;

    /// <summary>What the reason of a case depends on besides the department: its weight, required skills and the optional
    /// skills still preferred. Cases with the same key always wait for the same kind of reason.</summary>
    public static string KeyOf(QueuedCase queued) =>
        string.Create(CultureInfo.InvariantCulture, $"{queued.Weight}|{string.Join(",", Required(queued))}|{string.Join(",", Optional(queued))}");

    /// <param name="casesAhead">Cases before this one in the queue.</param>
    /// <param name="previous">The reason given before; its <see cref="WaitingReason.Since"/> carries over while the kind holds.</param>
    public WaitingReason Explain(QueuedCase queued, int casesAhead, WaitingReason? previous)
    {
        var key = KeyOf(queued);
        var kind = KindOf(queued, key);
        return Explain(queued, key, casesAhead, previous is not null && previous.Kind == kind ? previous.Since : context.Now);
    }

    /// <summary>The reason of a case whose key (<see cref="KeyOf"/>) is known, waiting for this kind of reason since
    /// <paramref name="since"/>.</summary>
    public WaitingReason Explain(QueuedCase queued, string key, int casesAhead, DateTimeOffset since)
    {
        var verdict = VerdictOf(queued, key);
        var detail = verdict.Kind switch
        {
            WaitingReasonKind.CasesAhead => CasesAhead(casesAhead, verdict.Detail),
            WaitingReasonKind.WaitingForRelaxation => $"{verdict.Detail}; dropped {RelaxationAt(queued)}",
            _ => verdict.Detail,
        };
        var kind = KindAfterOverflow(verdict.Kind);
        if (kind != verdict.Kind)
        {
            detail = $"offered to {string.Join(", ", context.Neighbours)} at each review (the queue is past its overflow threshold); here: {detail}";
        }
        return new WaitingReason(kind, detail, since) { MissingSkills = verdict.Missing };
    }

    /// <summary>The kind of reason a case with this key waits for; judged once per key.</summary>
    public WaitingReasonKind KindOf(QueuedCase queued, string key) => KindAfterOverflow(VerdictOf(queued, key).Kind);

    /// <summary>True when the case needs skills and nobody at all — on this roster in any presence, or
    /// <see cref="WaitingContext.Elsewhere"/> — has them (false while the elsewhere is unknown). A case that needs no
    /// skill is never unroutable: anyone who joins can take it.</summary>
    public bool IsUnroutable(ImmutableArray<SkillRequirement> required) =>
        !required.IsDefaultOrEmpty && context.Elsewhere is { } elsewhere && !RosterProfiles.AnyMeets(required) && !elsewhere.AnyMeets(required);

    private Verdict VerdictOf(QueuedCase queued, string key)
    {
        if (!_verdicts.TryGetValue(key, out var verdict))
        {
            _verdicts[key] = verdict = Judge(queued.Weight, Required(queued), Optional(queued));
        }
        return verdict;
    }

    /// <summary>Past the overflow threshold with neighbours configured, any reason but unroutable is "sent to a neighbour".</summary>
    private WaitingReasonKind KindAfterOverflow(WaitingReasonKind kind) =>
        kind != WaitingReasonKind.Unroutable && context.PastOverflowThreshold && !context.Neighbours.IsDefaultOrEmpty
            ? WaitingReasonKind.SentToNeighbour
            : kind;

    private static ImmutableArray<SkillRequirement> Required(QueuedCase queued) => queued.Required.IsDefault ? [] : queued.Required;

    private static ImmutableArray<SkillRequirement> Optional(QueuedCase queued) =>
        queued.RelaxedAt is not null || queued.Optional.IsDefault ? [] : queued.Optional;

    private SkillProfiles RosterProfiles => _rosterProfiles ??= SkillProfiles.Of(context.Roster.Select(t => t.Skills));

    private Verdict Judge(int weight, ImmutableArray<SkillRequirement> required, ImmutableArray<SkillRequirement> optional)
    {
        if (IsUnroutable(required))
        {
            var everyone = RosterProfiles.With(context.Elsewhere!);
            var unmet = everyone.Unmet(required);
            var where = context.Elsewhere!.Profiles.IsEmpty ? "on the roster" : "on the roster or in the departments it can overflow to";
            return unmet.IsEmpty
                ? new Verdict(WaitingReasonKind.Unroutable, $"no technician {where} has {Joined(required)} together", required)
                : new Verdict(WaitingReasonKind.Unroutable, $"no technician {where} has {Joined(unmet)}", unmet);
        }
        var available = context.Roster.Where(t => t.Available).ToList();
        if (available.Count == 0)
        {
            return new Verdict(WaitingReasonKind.NobodyOnShift, NobodyOnShift(), []);
        }
        var qualified = available.Where(t => Eligibility.FirstMissing(t.Skills, required) is null).ToList();
        if (qualified.Count == 0)
        {
            var unmet = SkillProfiles.Of(available.Select(t => t.Skills)).Unmet(required);
            return unmet.IsEmpty
                ? new Verdict(WaitingReasonKind.NobodyQualified, $"nobody on shift has {Joined(required)} together", required)
                : new Verdict(WaitingReasonKind.NobodyQualified,
                    $"nobody on shift has {string.Join(", ", unmet.Select(r => $"{r} (best on shift: {Best(available, r.Name)})"))}", unmet);
        }
        var preferred = optional.IsEmpty ? qualified : qualified.Where(t => Eligibility.FirstMissing(t.Skills, optional) is null).ToList();
        if (preferred.Count == 0)
        {
            return new Verdict(WaitingReasonKind.WaitingForRelaxation,
                $"only the optional {Joined(optional)} hold{(optional.Length == 1 ? "s" : "")} it back", []);
        }
        var withRoom = preferred.Count(t => t.Fits(weight));
        if (withRoom == 0)
        {
            return new Verdict(WaitingReasonKind.AllAtCapacity, string.Create(CultureInfo.InvariantCulture,
                $"all {preferred.Count} qualified technician{(preferred.Count == 1 ? " on shift is" : "s on shift are")} at capacity (it needs {weight} unit{(weight == 1 ? "" : "s")})"), []);
        }
        return new Verdict(WaitingReasonKind.CasesAhead, string.Create(CultureInfo.InvariantCulture,
            $"{withRoom} qualified technician{(withRoom == 1 ? " has" : "s have")} room"), []);
    }

    private string NobodyOnShift()
    {
        if (context.Roster.Count == 0)
        {
            return "nobody on the roster";
        }
        var away = context.Roster.Count(t => t.OnShift && t.Away);
        var off = context.Roster.Count - away;
        return (off, away) switch
        {
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"nobody on shift ({off} off shift)"),
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"nobody on shift ({away} away)"),
            _ => string.Create(CultureInfo.InvariantCulture, $"nobody on shift ({off} off shift, {away} away)"),
        };
    }

    private string RelaxationAt(QueuedCase queued)
    {
        var at = queued.EnqueuedAt + context.RelaxationDelay;
        return at <= context.Now ? "at the next review" : string.Create(CultureInfo.InvariantCulture, $"at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z");
    }

    private static string CasesAhead(int casesAhead, string room) => casesAhead == 0
        ? $"next in line; {room}"
        : string.Create(CultureInfo.InvariantCulture, $"{casesAhead} case{(casesAhead == 1 ? "" : "s")} ahead in the queue; {room}");

    private static int Best(List<TechnicianStatus> technicians, string skill) => technicians.Max(t => Eligibility.LevelOf(t.Skills, skill));

    private static string Joined(ImmutableArray<SkillRequirement> skills) => string.Join(" and ", skills);

    private sealed record Verdict(WaitingReasonKind Kind, string Detail, ImmutableArray<SkillRequirement> Missing);
}
