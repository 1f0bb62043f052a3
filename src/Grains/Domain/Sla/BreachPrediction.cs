using System.Collections.Immutable;
using AfterSales.Domain.Routing;
using AfterSales.Routing;
using AfterSales.Sla;
using AfterSales.Technicians;

namespace AfterSales.Domain.Sla;

/// <summary>A queued case as the prediction sees it, in queue order.</summary>
/// <param name="WasAtRisk">The verdict the case was last told (hysteresis).</param>
internal sealed record QueuedForPrediction(
    string CaseNumber, int Weight, ImmutableArray<SkillRequirement> Required, SlaDue? SlaDue, bool WasAtRisk)
{
    /// <summary>Skills still preferred: a technician without them takes the case only from <see cref="RelaxesAt"/>.</summary>
    public ImmutableArray<SkillRequirement> Optional { get; init; } = [];

    /// <summary>When the queue drops the optional skills (enqueued + relaxation delay); null once dropped.</summary>
    public DateTimeOffset? RelaxesAt { get; init; }
}

/// <summary>A verdict for one case: the prediction and whether it is at risk.</summary>
/// <param name="TechnicianId">The technician holding it (assigned, not started); null for a queued case.</param>
internal sealed record BreachVerdict(string CaseNumber, string? TechnicianId, SlaForecast Forecast, bool AtRisk)
{
    /// <summary>For a held case: how many cases its technician has not started that were assigned before it.</summary>
    public int Ahead { get; init; }
}

/// <summary>
/// Predicts whether cases that have not started yet will miss their next open SLA target, from the department's
/// recent <see cref="HandlingTimes"/> (pure).
/// <list type="bullet">
/// <item>A held case frees its technician's units at <c>max(now, startedAt + Work)</c> when started, otherwise at
/// <c>max(now, assignedAt + Hold)</c>; load a status does not itemise frees at <c>now + Hold</c>.</item>
/// <item>Queued cases are placed in queue order: each goes to the qualified technician (available, with its required
/// skills) whose units free for its weight first (<see cref="CapacityRule"/>; ties by technician id), at that instant
/// A, and then holds those units until <c>A + Hold</c>. A technician without the optional skills still preferred
/// counts from the relaxation instant on (<c>A ≥ enqueued + relaxation delay</c>). Predicted start <c>A + ToStart</c>, resolution
/// <c>A + Hold</c>.</item>
/// <item>An assigned case not started yet starts after the backlog ahead of it at its technician: the technician's
/// not-started cases in assignment order start one per <c>ToStart</c>: <c>s₀ = max(now, a₀ + ToStart)</c>,
/// <c>sⱼ = max(now, aⱼ + ToStart, sⱼ₋₁ + ToStart)</c>; predicted resolution <c>sⱼ + Work</c>.</item>
/// <item>The predicted instant P is the start for a first-response target and the resolution for a resolution target.
/// At risk when <c>P &gt; due − Margin</c>; a case already at risk stays so until <c>P ≤ due − Margin − ClearBand</c>.</item>
/// </list>
/// </summary>
internal static class BreachPrediction
{
    /// <summary>A case becomes at risk when predicted later than this before its due time.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>How much earlier than the flagging point a prediction must fall to clear the flag (no flapping).</summary>
    public static readonly TimeSpan ClearBand = TimeSpan.FromMinutes(10);

    /// <summary>A case is acted on early for a predicted breach (relaxed, offered early, moved) at most once in this long.</summary>
    public static readonly TimeSpan RerouteCooldown = TimeSpan.FromMinutes(30);

    /// <summary>How many queued cases are predicted at most (the front of the queue).</summary>
    public const int MaxQueued = 1_000;

    /// <summary>The hysteresis rule.</summary>
    public static bool IsAtRisk(DateTimeOffset predicted, DateTimeOffset due, bool wasAtRisk) =>
        predicted > due - Margin - (wasAtRisk ? ClearBand : TimeSpan.Zero);

    /// <summary>The instant the case's next open target is predicted to be met, from its predicted start.</summary>
    public static DateTimeOffset PredictedFor(SlaDueTarget target, DateTimeOffset start, HandlingTimes times) =>
        target == SlaDueTarget.FirstResponse ? start : start + times.Work;

    /// <summary>Verdicts for the queued cases with an SLA target, in queue order, up to <see cref="MaxQueued"/>. A case
    /// no available technician is qualified for gets no verdict (nobody's free time says when it starts).</summary>
    public static List<BreachVerdict> ForQueue(
        IReadOnlyList<TechnicianStatus> roster, IEnumerable<QueuedForPrediction> queue, HandlingTimes times, DateTimeOffset now)
    {
        var servers = roster.Where(t => t.Available && t.Capacity > 0).OrderBy(t => t.TechnicianId, StringComparer.Ordinal)
            .Select(t => new Server(t, Releases(t, times, now))).ToList();
        var verdicts = new List<BreachVerdict>();
        foreach (var queued in queue.Take(MaxQueued))
        {
            Server? best = null;
            var bestAt = DateTimeOffset.MaxValue;
            foreach (var server in servers)
            {
                if (!Qualifies(server.Status, queued.Required))
                {
                    continue;
                }
                var at = server.EarliestFit(Math.Max(1, queued.Weight), now);
                if (queued.RelaxesAt is { } relaxesAt && !queued.Optional.IsDefaultOrEmpty && !HasSkills(server.Status, queued.Optional))
                {
                    // The normal rules reach this technician only once the optional skills are dropped.
                    at = server.EarliestFit(Math.Max(1, queued.Weight), Max(now, relaxesAt));
                }
                if (at < bestAt)
                {
                    (best, bestAt) = (server, at);
                }
            }
            if (best is null)
            {
                continue;
            }
            best.Add(bestAt + times.Hold, queued.Weight);
            if (queued.SlaDue is { } due)
            {
                var predicted = PredictedFor(due.Target, bestAt + times.ToStart, times);
                verdicts.Add(new BreachVerdict(queued.CaseNumber, null, new SlaForecast(predicted, due.Target, due.DueAt),
                    IsAtRisk(predicted, due.DueAt, queued.WasAtRisk)));
            }
        }
        return verdicts;
    }

    /// <summary>Verdicts for the cases a technician holds but has not started that have an SLA target.</summary>
    /// <param name="wasAtRisk">The verdict each case was last told.</param>
    public static List<BreachVerdict> ForHeld(TechnicianStatus technician, HandlingTimes times, DateTimeOffset now, Func<string, bool> wasAtRisk)
    {
        var verdicts = new List<BreachVerdict>();
        DateTimeOffset? previous = null;
        var ahead = 0;
        foreach (var held in technician.Held.Where(h => h.StartedAt is null).OrderBy(h => h.AssignedAt).ThenBy(h => h.CaseNumber, StringComparer.Ordinal))
        {
            var start = Max(now, held.AssignedAt + times.ToStart);
            if (previous is { } before)
            {
                start = Max(start, before + times.ToStart);
            }
            previous = start;
            if (held.SlaDue is { } due)
            {
                var predicted = PredictedFor(due.Target, start, times);
                verdicts.Add(new BreachVerdict(held.CaseNumber, technician.TechnicianId, new SlaForecast(predicted, due.Target, due.DueAt),
                    IsAtRisk(predicted, due.DueAt, wasAtRisk(held.CaseNumber))) { Ahead = ahead });
            }
            ahead++;
        }
        return verdicts;
    }

    /// <summary>True when an available technician has every required skill at its minimum level.</summary>
    public static bool Qualifies(TechnicianStatus technician, ImmutableArray<SkillRequirement> required) =>
        technician.Available && HasSkills(technician, required);

    private static bool HasSkills(TechnicianStatus technician, ImmutableArray<SkillRequirement> skills) =>
        skills.IsDefaultOrEmpty || skills.All(r => Eligibility.LevelOf(technician.Skills, r.Name) >= r.MinLevel);

    /// <summary>When each unit a technician holds frees, soonest first.</summary>
    private static List<(DateTimeOffset At, int Weight)> Releases(TechnicianStatus technician, HandlingTimes times, DateTimeOffset now)
    {
        var releases = new List<(DateTimeOffset At, int Weight)>();
        var itemised = 0;
        foreach (var held in technician.Held)
        {
            var at = held.StartedAt is { } started ? started + times.Work : held.AssignedAt + times.Hold;
            releases.Add((Max(now, at), held.Weight));
            itemised += held.Weight;
        }
        if (technician.Load > itemised)
        {
            releases.Add((now + times.Hold, technician.Load - itemised));
        }
        releases.Sort((a, b) => a.At.CompareTo(b.At));
        return releases;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>A technician in the simulation: its capacity and when its held units free.</summary>
    private sealed class Server(TechnicianStatus status, List<(DateTimeOffset At, int Weight)> releases)
    {
        public TechnicianStatus Status => status;

        /// <summary>The first instant from <paramref name="now"/> at which the units still held leave room for
        /// <paramref name="weight"/>.</summary>
        public DateTimeOffset EarliestFit(int weight, DateTimeOffset now)
        {
            var load = 0;
            foreach (var (at, units) in releases)
            {
                if (at > now)
                {
                    load += units;
                }
            }
            if (CapacityRule.Fits(load, status.Capacity, weight))
            {
                return now;
            }
            foreach (var (at, units) in releases)
            {
                if (at <= now)
                {
                    continue;
                }
                load -= units;
                if (CapacityRule.Fits(load, status.Capacity, weight))
                {
                    return at;
                }
            }
            // Unreachable for a capacity above zero: a technician holding nothing takes any case.
            return releases.Count > 0 ? releases[^1].At : now;
        }

        public void Add(DateTimeOffset at, int weight)
        {
            var index = releases.FindIndex(r => r.At > at);
            releases.Insert(index < 0 ? releases.Count : index, (at, weight));
        }
    }
}
