using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Domain.Sla;
using AfterSales.Routing;
using AfterSales.Sla;
using AfterSales.Technicians;

namespace AfterSales.Departments;

/// <summary>Predicted breach: from the queue, the roster's held work and the recent handling times the technicians'
/// pushes carry, the department predicts when each case not started yet meets its next SLA target, tells the cases whose
/// verdict changed, and acts early on a queued case at risk (drops its optional skills when that lets a qualified
/// technician with room take it, otherwise lets the review offer it to neighbour regions before the overflow threshold).</summary>
internal sealed partial class DepartmentGrain
{
    /// <summary>How long after a queue or roster change the prediction runs (changes in a burst share one run); it also
    /// runs at every maintenance tick (<see cref="ReviewInterval"/>).</summary>
    internal static readonly TimeSpan RiskCheckDelay = TimeSpan.FromSeconds(1);

    private static TimeSpan RerouteCooldown => BreachPrediction.RerouteCooldown;

    /// <summary>How many cases one run tells at most (the rest at the next run).</summary>
    internal const int MaxRiskNoticesPerRun = 200;

    // What each held, not-started case was last told by this activation (overrides what its assignment carried).
    private readonly Dictionary<string, SlaForecast?> _toldHeld = new(StringComparer.Ordinal);
    // When this activation last moved a held case (the case keeps its own cool-down durably too).
    private readonly Dictionary<string, DateTimeOffset> _movedAt = new(StringComparer.Ordinal);
    private IGrainTimer? _riskTimer;
    private bool _riskPending;

    /// <summary>Runs the prediction <see cref="RiskCheckDelay"/> from now, unless a run is already pending.</summary>
    private void ScheduleRiskCheck()
    {
        if (_riskPending)
        {
            return;
        }
        _riskPending = true;
        _riskTimer ??= this.RegisterGrainTimer(
            _ => CheckRiskAsync(),
            new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        _riskTimer.Change(RiskCheckDelay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Predicts every case not started yet and tells those whose verdict changed; without enough recent
    /// handling times nothing is predicted and every flag stays as it is.</summary>
    internal async Task CheckRiskAsync()
    {
        _riskPending = false;
        try
        {
            await PredictAndTellAsync();
        }
        catch (Exception exception)
        {
            logger.RiskCheckFailed(exception, Key);
        }
    }

    private async Task PredictAndTellAsync()
    {
        var now = time.GetUtcNow();
        var roster = _roster.Ranked();
        if (HandlingTimes.Of(roster.SelectMany(t => t.Completed.IsDefault ? [] : t.Completed), now) is not { } times)
        {
            return;
        }
        var policy = await policies.GetAsync();
        var queued = BreachPrediction.ForQueue(roster, QueuedForPrediction(policy), times, now);
        var notices = new List<(string Number, CaseSlaRisk Risk)>();
        var changed = false;
        foreach (var verdict in queued)
        {
            if (notices.Count == MaxRiskNoticesPerRun)
            {
                ScheduleRiskCheck();
                break;
            }
            if (!S.Queue.TryGetValue(verdict.CaseNumber, out var entry))
            {
                continue;
            }
            var told = entry.Case.AtRisk is not null;
            var reroute = verdict.AtRisk ? EarlyReroute(policy, entry, now) : null;
            if (verdict.AtRisk == told && reroute is null)
            {
                continue;
            }
            var updated = entry with { Case = entry.Case with { AtRisk = verdict.AtRisk ? verdict.Forecast : null } };
            if (reroute is { } act)
            {
                updated = updated with { ReroutedAt = now };
                if (act.Relaxed)
                {
                    updated = updated with { Case = updated.Case with { RelaxedAt = now, Optional = [] } };
                }
            }
            Update(updated);
            changed = true;
            notices.Add((verdict.CaseNumber, new CaseSlaRisk(Key, updated.Case.AtRisk) { Reroute = reroute?.Note, Relaxed = reroute?.Relaxed ?? false }));
        }
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
        var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var technician in roster)
        {
            foreach (var verdict in BreachPrediction.ForHeld(technician, times, now, number => ToldHeld(technician, number) is not null))
            {
                var move = verdict.AtRisk && verdict.Ahead > 0 ? MoveFor(technician, verdict.CaseNumber, claimed, now) : null;
                if (verdict.AtRisk == (ToldHeld(technician, verdict.CaseNumber) is not null) && move is null)
                {
                    continue;
                }
                if (notices.Count == MaxRiskNoticesPerRun)
                {
                    ScheduleRiskCheck();
                    break;
                }
                var forecast = verdict.AtRisk ? verdict.Forecast : null;
                _toldHeld[verdict.CaseNumber] = forecast;
                var risk = new CaseSlaRisk(Key, forecast);
                if (move is { } target)
                {
                    risk = risk with
                    {
                        MoveTo = target,
                        MoveFrom = technician.TechnicianId,
                        Reroute = $"moved from {technician.TechnicianId} to {target}: {verdict.Ahead} not started ahead of it there; {target} has room",
                    };
                }
                notices.Add((verdict.CaseNumber, risk));
            }
        }
        ForgetHeldNoLongerHeld(roster, now);
        foreach (var (number, risk) in notices)
        {
            logger.CaseRiskChanged(number, Key, risk.Forecast is not null, risk.Forecast?.PredictedAt, risk.Reroute);
            await Case(number).OnSlaRiskAsync(risk);
        }
        if (notices.Any(n => n.Risk.Relaxed))
        {
            _reasonsStale = true;
            ScheduleDrain(TimeSpan.Zero);
        }
        if (notices.Any(n => n.Risk.Reroute is not null && !n.Risk.Relaxed && n.Risk.MoveTo is null))
        {
            ReviewSoon();
        }
    }

    /// <summary>The queued cases homed here, in queue order, as the prediction sees them.</summary>
    private IEnumerable<QueuedForPrediction> QueuedForPrediction(RoutingPolicy policy) =>
        _queue.Ordered().Where(e => IsCaseHomedHere(e.Case.CaseNumber)).Select(e => new QueuedForPrediction(
            e.Case.CaseNumber, e.Case.Weight, e.Case.Required, e.Case.SlaDue, e.Case.AtRisk is not null)
        {
            Optional = e.Case.Optional,
            RelaxesAt = e.Case.RelaxedAt is null ? e.Case.EnqueuedAt + policy.RelaxationDelay : null,
        });

    /// <summary>What to do early for a queued case at risk, outside its cool-down: drop its optional skills when they
    /// are all that keeps an available technician with the required skills and room from taking it; otherwise offer it
    /// to the neighbour regions before the overflow threshold (at the next review) when there are any. Null when
    /// neither applies.</summary>
    private (string Note, bool Relaxed)? EarlyReroute(RoutingPolicy policy, QueueEntry entry, DateTimeOffset now)
    {
        if (entry.ReroutedAt is { } last && now - last < RerouteCooldown)
        {
            return null;
        }
        var queued = entry.Case;
        if (queued.RelaxedAt is null && !queued.Optional.IsDefaultOrEmpty
            && _roster.Ranked().FirstOrDefault(t => BreachPrediction.Qualifies(t, queued.Required) && t.Fits(queued.Weight)) is { } free)
        {
            return ($"optional skills dropped ahead of the relaxation delay ({string.Join(", ", queued.Optional)}); {free.TechnicianId} has room", true);
        }
        // Past the overflow threshold the normal rules offer the case already: nothing to do early.
        var neighbours = RoutingPolicies.NeighboursOf(policy, _region);
        var pastThreshold = _queue.Count >= policy.Overflow.QueueLength
            || (_queue.Oldest is { } oldest && now - oldest.EnqueuedAt >= policy.Overflow.OldestWait);
        return neighbours.IsEmpty || pastThreshold
            ? null
            : ($"open to overflow into {string.Join(", ", neighbours)} ahead of the overflow threshold", false);
    }

    /// <summary>Where an assigned case at risk with work ahead of it should go, outside its cool-down: the least loaded
    /// other available technician with its required skills, room for it (counting moves decided in this run) and
    /// nothing waiting to be started; null when there is none.</summary>
    private string? MoveFor(TechnicianStatus from, string caseNumber, Dictionary<string, int> claimed, DateTimeOffset now)
    {
        if (_movedAt.TryGetValue(caseNumber, out var last) && now - last < RerouteCooldown
            || from.Held.FirstOrDefault(h => h.CaseNumber == caseNumber) is not { } held)
        {
            return null;
        }
        var target = _roster.Ranked()
            .Where(t => t.TechnicianId != from.TechnicianId && BreachPrediction.Qualifies(t, held.Required)
                && CapacityRule.Fits(t.Load + claimed.GetValueOrDefault(t.TechnicianId), t.Capacity, held.Weight)
                && !t.Held.Any(h => h.StartedAt is null))
            .OrderBy(t => t.LoadRatio).ThenBy(t => t.TechnicianId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (target is null)
        {
            return null;
        }
        claimed[target.TechnicianId] = claimed.GetValueOrDefault(target.TechnicianId) + held.Weight;
        _movedAt[caseNumber] = now;
        return target.TechnicianId;
    }

    private SlaForecast? ToldHeld(TechnicianStatus technician, string caseNumber) =>
        _toldHeld.TryGetValue(caseNumber, out var told) ? told : technician.Held.FirstOrDefault(h => h.CaseNumber == caseNumber)?.AtRisk;

    /// <summary>Keeps the told verdicts of held cases only while a technician of the roster still holds them unstarted.</summary>
    private void ForgetHeldNoLongerHeld(IReadOnlyList<TechnicianStatus> roster, DateTimeOffset now)
    {
        var held = roster.SelectMany(t => t.Held.IsDefault ? [] : t.Held).Where(h => h.StartedAt is null)
            .Select(h => h.CaseNumber).ToHashSet(StringComparer.Ordinal);
        foreach (var number in _toldHeld.Keys.Where(n => !held.Contains(n)).ToList())
        {
            _toldHeld.Remove(number);
        }
        foreach (var number in _movedAt.Where(m => now - m.Value >= RerouteCooldown).Select(m => m.Key).ToList())
        {
            _movedAt.Remove(number);
        }
    }

    /// <summary>The cases at risk as told: queued ones in queue order, then the held ones by technician.</summary>
    private List<AtRiskCase> AtRiskCases(IEnumerable<QueuedCase> queue)
    {
        var cases = queue.Where(q => q.AtRisk is not null).Select(q => new AtRiskCase(q.CaseNumber, null, q.AtRisk!)).ToList();
        foreach (var technician in _roster.Ranked())
        {
            foreach (var held in technician.Held.IsDefault ? [] : technician.Held)
            {
                if (held.StartedAt is null && ToldHeld(technician, held.CaseNumber) is { } forecast)
                {
                    cases.Add(new AtRiskCase(held.CaseNumber, technician.TechnicianId, forecast));
                }
            }
        }
        return cases;
    }
}
