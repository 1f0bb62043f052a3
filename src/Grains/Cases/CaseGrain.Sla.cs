using System.Collections.Immutable;
using AfterSales.Domain.Sla;
using AfterSales.Sla;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Cases;

/// <summary>The case's SLA: its rule chosen from the policy at open (again when priority, type, department or region
/// change), its clock paused while waiting for the customer and stopped by resolution, its due times computed with
/// its region's business calendar at every change and stored with that change (no write of its own).</summary>
internal sealed partial class CaseGrain
{
    private SlaPolicyCache SlaPolicies => field ??= ServiceProvider.GetRequiredService<SlaPolicyCache>();

    private BusinessCalendarCache Calendars => field ??= ServiceProvider.GetRequiredService<BusinessCalendarCache>();

    /// <summary>Starts the case's SLA at open with its customer's tier.</summary>
    private void StartSla(Customers.CustomerTier tier) => S.Sla = new CaseSlaState { CustomerTier = tier };

    /// <summary>A customer-visible note is an update: it restarts the next-update clock, late when past its due time.</summary>
    private void NoteCustomerUpdate(DateTimeOffset now)
    {
        if (S.Sla is not { } sla)
        {
            return;
        }
        if (sla.LastUpdateAt is not null && sla.NextUpdateDue is { } due && now > due)
        {
            sla.NextUpdateMisses++;
        }
        sla.LastUpdateAt = now;
    }

    /// <summary>Brings the SLA in line with the case before it is written: pauses and stops from the status, the rule
    /// when what it was chosen for changed, the due times. A failure (policy or calendar unreachable with no copy on
    /// the silo) keeps the previous figures and is logged; the next change tries again.</summary>
    private async Task UpdateSlaAsync(DateTimeOffset now)
    {
        if (!S.Opened)
        {
            return;
        }
        var sla = S.Sla ??= new CaseSlaState();
        MoveClock(sla, now);
        _evaluated = null;
        try
        {
            if (sla.PolicyVersion < 0 || sla.ChosenForPriority != S.Priority || sla.ChosenForType != S.Type
                || sla.ChosenForDepartment != S.Department || sla.ChosenForRegion != S.Region)
            {
                ChooseRule(sla, await SlaPolicies.GetAsync());
            }
            if (Terms(sla) is not { } terms)
            {
                sla.FirstResponseDue = sla.NextUpdateDue = sla.ResolutionDue = sla.NextDueAt = null;
                _evaluated = new EvaluatedSla(null);
                return;
            }
            var calendar = await Calendars.GetAsync(S.Region);
            var clock = SlaClock.Evaluate(terms, Times(sla), calendar.Calendar, now);
            sla.FirstResponseDue = clock.FirstResponse.DueAt;
            sla.NextUpdateDue = clock.NextUpdate.DueAt;
            sla.ResolutionDue = clock.Resolution.DueAt;
            sla.NextDueAt = clock.NextDueAt;
            sla.CalendarVersion = calendar.Snapshot.Version;
            _evaluated = new EvaluatedSla(clock);
        }
        catch (Exception exception)
        {
            logger.CaseSlaFailed(exception, Number);
        }
    }

    /// <summary>The SLA as of now, computed from the clock with the region's calendar; null when the case has no
    /// SLA or it cannot be computed now.</summary>
    private async Task<CaseSla?> SlaAsync()
    {
        if (S.Sla is not { RuleId: { } ruleId } sla || Terms(sla) is not { } terms)
        {
            return null;
        }
        try
        {
            var calendar = await Calendars.GetAsync(S.Region);
            var clock = SlaClock.Evaluate(terms, Times(sla), calendar.Calendar, time.GetUtcNow());
            return WithRisk(new CaseSla(ruleId, sla.PolicyVersion, S.Region, terms.WarningPercent, clock.State, clock.Paused,
                clock.ElapsedBusinessTime, clock.PausedBusinessTime, clock.FirstResponse, clock.NextUpdate, clock.Resolution,
                sla.NextUpdateMisses, clock.NextDueAt));
        }
        catch (Exception exception)
        {
            logger.CaseSlaFailed(exception, Number);
            return null;
        }
    }

    /// <summary>Pauses while waiting for the customer; stops at resolution or cancellation; a reopen turns the time the
    /// case spent resolved into a pause and runs on.</summary>
    private void MoveClock(CaseSlaState sla, DateTimeOffset now)
    {
        var stopped = S.Status is CaseStatus.Resolved or CaseStatus.Closed or CaseStatus.Cancelled;
        if (stopped || S.Status != CaseStatus.WaitingForCustomer)
        {
            if (sla.PausedSince is { } since)
            {
                AddPause(sla, since, now);
                sla.PausedSince = null;
            }
        }
        if (stopped)
        {
            sla.StoppedAt ??= S.ResolvedAt ?? now;
            return;
        }
        if (sla.StoppedAt is { } stoppedAt)
        {
            AddPause(sla, stoppedAt, now);
            sla.StoppedAt = null;
        }
        if (S.Status == CaseStatus.WaitingForCustomer)
        {
            sla.PausedSince ??= now;
        }
        if (sla.LastUpdateAt is null && S.FirstResponseAt is { } firstResponse)
        {
            sla.LastUpdateAt = firstResponse;
        }
    }

    private static void AddPause(CaseSlaState sla, DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return;
        }
        if (sla.Pauses.Count >= CaseSlaState.MaxPauses)
        {
            sla.Pauses[^1] = sla.Pauses[^1] with { To = to };
            return;
        }
        sla.Pauses.Add(new SlaPause(from, to));
    }

    private void ChooseRule(CaseSlaState sla, SlaPolicy policy)
    {
        var rule = Domain.Sla.SlaPolicies.Match(policy, new SlaCase(S.Priority, sla.CustomerTier, S.Entitlement?.Tier, S.Type, S.Department));
        sla.RuleId = rule?.Id;
        sla.PolicyVersion = policy.Version;
        sla.FirstResponse = rule?.FirstResponse;
        sla.NextUpdate = rule?.NextUpdate;
        sla.Resolution = rule?.Resolution;
        sla.WarningPercent = rule is null ? 0 : Domain.Sla.SlaPolicies.WarningPercentOf(policy, rule);
        sla.ChosenForPriority = S.Priority;
        sla.ChosenForType = S.Type;
        sla.ChosenForDepartment = S.Department;
        sla.ChosenForRegion = S.Region;
        if (rule is not null)
        {
            logger.CaseSlaResolved(Number, rule.Id, policy.Version);
        }
    }

    private static SlaTerms? Terms(CaseSlaState sla) =>
        sla is { RuleId: not null, FirstResponse: { } firstResponse, NextUpdate: { } nextUpdate, Resolution: { } resolution }
            ? new SlaTerms(firstResponse, nextUpdate, resolution, sla.WarningPercent)
            : null;

    private SlaTimes Times(CaseSlaState sla) => new(S.CreatedAt, S.FirstResponseAt, sla.LastUpdateAt, sla.StoppedAt,
        [.. sla.Pauses.Select(p => TimeRange.Of(p.From, p.To))], sla.PausedSince);
}
