using AfterSales.Domain.Sla;
using AfterSales.Hosting;
using AfterSales.Sla;
using AfterSales.Sla.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Cases;

/// <summary>The live SLA clock: the case registers its next warning point or due time with the SLA scheduler as part of
/// its own change, and when woken records each milestone reached once (<c>slaWarning</c>, <c>slaBreached</c>) and acts
/// on it (an <c>slaAlert</c> for the department's supervisors, a priority raised one step) — all in one write.</summary>
internal sealed partial class CaseGrain
{
    private SlaClockOptions ClockOptions => field ??= ServiceProvider.GetRequiredService<IOptions<SlaClockOptions>>().Value;

    /// <summary>The clock as the last <see cref="UpdateSlaAsync"/> evaluated it; null when it could not (the registration
    /// is then left as it is).</summary>
    private EvaluatedSla? _evaluated;

    /// <summary>True when the last registration failed: the next change sends it again even when unchanged.</summary>
    private bool _slaScheduleUnsure;

    public async Task OnSlaDueAsync(DateTimeOffset fireAt)
    {
        if (!S.Opened || S.Sla is not { RuleId: not null } sla || Terms(sla) is not { } terms)
        {
            return;
        }
        var now = time.GetUtcNow();
        // A calendar that cannot be read throws: the bucket keeps the instant and wakes the case again.
        var calendar = await Calendars.GetAsync(S.Region);
        var clock = SlaClock.Evaluate(terms, Times(sla), calendar.Calendar, now);
        var reached = SlaMilestones.Reached(clock, sla.Fired, now);
        if (reached.Count == 0)
        {
            // Woken for an instant no longer needed (moved, or a duplicate entry): make sure the one needed is registered.
            await EnsureSlaScheduledAsync(SlaMilestones.Next(clock, sla.Fired), fireAt);
            return;
        }
        sla.Fired = SlaMilestones.Remember(clock, sla.Fired, reached);
        var raisedFrom = S.Priority;
        RecordMilestones(reached, now);
        await CommitAsync(now);
        if (S.Priority != raisedFrom)
        {
            await AfterPriorityChangeAsync();
        }
    }

    private void RecordMilestones(List<SlaMilestone> reached, DateTimeOffset now)
    {
        var options = ClockOptions;
        SlaMilestone? raiseFor = null;
        foreach (var milestone in reached)
        {
            var warning = milestone.Kind == SlaMilestoneKind.Warning;
            var due = milestone.DueAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            Record(now, SystemActor, warning ? CaseEventKinds.SlaWarning : CaseEventKinds.SlaBreached, null, null,
                warning ? $"{milestone.TargetName} warning at {S.Sla!.WarningPercent}%; due {due}" : $"{milestone.TargetName} breached; due {due}");
            logger.SlaMilestoneReached(Number, milestone.TargetName, warning ? "warning" : "breached", milestone.DueAt);
            if (warning ? options.AlertOnWarning : options.AlertOnBreach)
            {
                Record(now, SystemActor, CaseEventKinds.SlaAlert, null, null,
                    $"{DepartmentKey}: {milestone.TargetName} {(warning ? "warning" : "breached")}; due {due}");
            }
            if (warning ? options.RaisePriorityOnWarning : options.RaisePriorityOnBreach)
            {
                raiseFor ??= milestone;
            }
        }
        // One step per wake however many milestones it records: a raise that shortens the targets is itself evaluated
        // at the next instant, not cascaded here.
        if (raiseFor is not null && S.Priority != CasePriority.Urgent)
        {
            var what = raiseFor.Kind == SlaMilestoneKind.Warning ? "warning" : "breached";
            SetPriority(now, SystemActor, S.Priority - 1, $"SLA {raiseFor.TargetName} {what}");
        }
    }

    /// <summary>Decides, before the write, which instant the case registers: the earliest milestone not yet recorded.
    /// Stores it with the change, so the case's write count does not grow; returns what to add and what to forget.</summary>
    private (SlaInstant? Add, SlaInstant? Remove) PlanSlaSchedule()
    {
        if (S.Sla is not { } sla || _evaluated is not { } evaluated)
        {
            return default;
        }
        sla.ListState = evaluated.Clock is { } clock ? SlaMilestones.ListState(clock.State, atRisk: sla.AtRisk is not null) : null;
        var next = evaluated.Clock is { } running ? SlaMilestones.Next(running, sla.Fired) : null;
        if (next == sla.ScheduledAt && !_slaScheduleUnsure)
        {
            return default;
        }
        var previous = sla.ScheduledAt;
        sla.ScheduledAt = next;
        return (next is { } add ? new SlaInstant(Number, add) : null,
            previous is { } old && old != next ? new SlaInstant(Number, old) : null);
    }

    /// <summary>Registers <paramref name="due"/> with its bucket; a failure is logged and the next change tries again.</summary>
    private async Task RegisterSlaAsync(SlaInstant? due)
    {
        if (due is null)
        {
            _slaScheduleUnsure = false;
            return;
        }
        try
        {
            await SlaBucket(due).AddAsync(due);
            _slaScheduleUnsure = false;
        }
        catch (Exception exception)
        {
            _slaScheduleUnsure = true;
            logger.SlaScheduleFailed(exception, Number, due.FireAt);
        }
    }

    /// <summary>Forgets an instant no longer needed, one-way: an entry left behind only wakes the case for nothing.</summary>
    private void UnregisterSla(SlaInstant? due)
    {
        if (due is not null)
        {
            _ = SlaBucket(due).RemoveAsync(due);
        }
    }

    private async Task EnsureSlaScheduledAsync(DateTimeOffset? next, DateTimeOffset woken)
    {
        if (S.Sla is not { } sla)
        {
            return;
        }
        // Kept in memory only: the stored instant is corrected by the next change, and a stale one costs one more wake.
        sla.ScheduledAt = next;
        if (next is { } at && at != woken)
        {
            await RegisterSlaAsync(new SlaInstant(Number, at));
        }
    }

    private ISlaBucketGrain SlaBucket(SlaInstant due) =>
        GrainFactory.GetGrain<ISlaBucketGrain>(SlaBuckets.KeyOf(due, ClockOptions.SlotLength, ClockOptions.Shards));

    /// <summary>The outcome of evaluating the clock inside a commit: <see cref="Clock"/> null when the case has no SLA.</summary>
    private sealed record EvaluatedSla(SlaClock? Clock);
}
