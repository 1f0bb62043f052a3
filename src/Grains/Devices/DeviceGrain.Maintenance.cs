using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Calendars;
using AfterSales.Domain.Maintenance;
using AfterSales.Domain.Models;
using AfterSales.Maintenance;
using AfterSales.Models;

namespace AfterSales.Devices;

/// <summary>Preventive maintenance of the device: its plans, their next due occurrences, and the work orders they open.</summary>
/// <remarks>
/// Exactly once per source and period: the occurrence is claimed — recorded with a freshly allocated case number — and
/// written before the work order is opened, and the case is opened with a request hash made of serial, source and
/// period. A repeat (the scheduler's retry, a duplicated tick, a repeat after a crash between the claim and the open)
/// finds the claim and opens the same case again, which the case answers as a replay. The case calls back into the
/// device while it opens (it reads the device, and tells it the case is open), so the open runs with call-chain
/// reentrancy: only calls of that chain interleave, and they leave the claim alone.
/// The next occurrence of a time-based plan is computed when the device enters service, when its plans change (its own,
/// or its model's: <see cref="OnModelPlansChangedAsync"/>) and when the plan's work order ends (from then on the last
/// visit is the anchor), and handed to the scheduler. Days are the local days of the owner's region
/// (<see cref="RegionCalendar"/>).
/// </remarks>
internal sealed partial class DeviceGrain
{
    /// <summary>Most maintenance claims kept; the oldest ended ones go first, open ones are never dropped.</summary>
    internal const int MaxMaintenanceClaims = 64;

    private const string MaintenanceActor = "maintenance";

    public async Task OnMaintenanceDueAsync(MaintenanceDue due)
    {
        if (!TakesMaintenance || due.Serial != Serial)
        {
            logger.MaintenanceDueDropped(Serial, due.PlanId, due.Period, "the device takes no maintenance");
            return;
        }
        // An occurrence of plans the model has changed since is not opened: the device follows the model first.
        await FollowModelAsync();
        MaintenanceTrigger trigger;
        if (S.MaintenanceClaims.TryGetValue(ClaimKey(due.PlanId, due.Period), out var claim))
        {
            trigger = TriggerOf(claim.Order);
        }
        else
        {
            var plans = await PlansInForceAsync();
            if (!plans.TryGetValue(due.PlanId, out var entry) || MaintenanceSchedule.DayOf(due.Period) is not { } day
                || !S.PlanStandings.TryGetValue(due.PlanId, out var standing) || standing.Next?.Period != due.Period)
            {
                // The plan changed or went since the occurrence was scheduled: its replacement is scheduled already.
                logger.MaintenanceDueDropped(Serial, due.PlanId, due.Period, "the plan no longer has that occurrence");
                return;
            }
            trigger = new MaintenanceTrigger(MaintenanceTriggerKind.Time, due.PlanId, due.Period,
                $"{entry.Plan.Name}: {MaintenancePlans.Describe(entry.Plan)}, due {due.Period}",
                MaintenanceSchedule.WindowOn(day, entry.Plan.WindowDays, Calendar));
        }
        await OpenMaintenanceOrderAsync(trigger);
    }

    public async Task<DeviceMaintenance?> GetMaintenanceAsync()
    {
        if (!S.Registered)
        {
            return null;
        }
        await FollowModelAsync();
        return MaintenanceView(await PlansInForceAsync());
    }

    public async Task<Result<DeviceMaintenance>> SetMaintenancePlanAsync(MaintenancePlanTemplate plan, string actor, int? expectedVersion)
    {
        if (PrecheckPlanChange(expectedVersion) is { } refused)
        {
            return refused;
        }
        if (plan is null)
        {
            return CommandError.Invalid("plan", "A plan is required.");
        }
        if (MaintenancePlanValidator.Validate(plan, "").FirstOrDefault() is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        var normal = MaintenancePlans.Normalize(plan);
        if (S.OwnPlans.TryGetValue(normal.Id, out var known) && MaintenancePlans.SameAs(known, normal))
        {
            return Result.Replay(MaintenanceView(await PlansInForceAsync()));
        }
        if (known is null && S.OwnPlans.Count >= ProductModelLimits.MaintenancePlans)
        {
            return CommandError.Conflict($"Device {Serial} already has {ProductModelLimits.MaintenancePlans} plans of its own, the most it keeps.");
        }
        var model = await CurrentModelAsync();
        S.OwnPlans[normal.Id] = normal;
        return await ChangePlansAsync(model, actor, $"plan {normal.Id} {(known is null ? "added" : "replaced")}: {MaintenancePlans.Describe(normal)}");
    }

    public async Task<Result<DeviceMaintenance>> RemoveMaintenancePlanAsync(string planId, string actor, int? expectedVersion)
    {
        if (PrecheckPlanChange(expectedVersion) is { } refused)
        {
            return refused;
        }
        if (planId is null || !S.OwnPlans.Remove(planId))
        {
            return CommandError.NotFound($"Device {Serial} has no plan of its own with id '{planId}'.", "planId");
        }
        return await ChangePlansAsync(await CurrentModelAsync(), actor, $"plan {planId} removed");
    }

    /// <summary>Opens the maintenance work order of <paramref name="trigger"/> (at most one per source and period):
    /// the entry point of time, usage and condition triggers. Answers the work order's case number (the one already
    /// opened for the same source and period, on a repeat), or null when the device takes no maintenance (not in
    /// service, decommissioned) or the case refused the work order.</summary>
    private async Task<string?> OpenMaintenanceOrderAsync(MaintenanceTrigger trigger)
    {
        if (S.MaintenanceClaims.TryGetValue(ClaimKey(trigger.SourceId, trigger.Period), out var claim))
        {
            if (claim.Opened || claim.Refused is not null)
            {
                return claim.Opened ? claim.CaseNumber : null;
            }
            // Claimed, but the open did not complete (a crash, a timeout): open the same case again.
        }
        else
        {
            if (!TakesMaintenance)
            {
                return null;
            }
            claim = await ClaimAsync(trigger);
        }
        return await OpenClaimedAsync(claim);
    }

    /// <summary>Records the claim with its case number, durably, before anything else happens.</summary>
    private async Task<MaintenanceClaim> ClaimAsync(MaintenanceTrigger trigger)
    {
        var number = await GrainFactory.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var now = time.GetUtcNow();
        var evidence = trigger.Evidence.Length > FieldLimits.Description ? trigger.Evidence[..FieldLimits.Description] : trigger.Evidence;
        var claim = new MaintenanceClaim
        {
            Order = new MaintenanceOrder(trigger.SourceId, trigger.Period, trigger.Kind, trigger.Window, evidence),
            CaseNumber = number,
            ClaimedAt = now,
        };
        S.MaintenanceClaims[ClaimKey(trigger.SourceId, trigger.Period)] = claim;
        if (S.PlanStandings.TryGetValue(trigger.SourceId, out var standing) && trigger.Kind == MaintenanceTriggerKind.Time)
        {
            // Taken: the next occurrence is scheduled when this work order ends.
            standing.Next = null;
            standing.HandedOver = false;
            standing.LastClaimedDay = MaintenanceSchedule.DayOf(trigger.Period) ?? standing.LastClaimedDay;
        }
        TrimClaims();
        Record(now, MaintenanceActor, DeviceEventKinds.MaintenanceDue, null, null, string.Create(CultureInfo.InvariantCulture,
            $"{CamelNames.Of(trigger.Kind)} {trigger.SourceId} {trigger.Period}: work order {number}, due {trigger.Window.DueAt.UtcDateTime:yyyy-MM-dd HH:mm}Z"));
        await CommitAsync();
        logger.MaintenanceClaimed(Serial, trigger.SourceId, trigger.Period, number);
        return claim;
    }

    private async Task<string?> OpenClaimedAsync(MaintenanceClaim claim)
    {
        var plans = await PlansInForceAsync();
        var plan = plans.TryGetValue(claim.Order.SourceId, out var entry) ? entry.Plan : null;
        var request = new OpenCaseRequest(S.CustomerId, CaseType.Maintenance, CasePriority.Normal, CaseChannel.System,
            MaintenancePlans.Subject(plan, claim.Order, S.Model, Serial), MaintenancePlans.Description(plan, claim.Order, Calendar), Serial, MaintenanceActor)
        {
            RequestHash = $"maintenance:{Serial}:{claim.Order.SourceId}:{claim.Order.Period}" + (claim.Reissues is null ? "" : $":{claim.CaseNumber}"),
            Maintenance = claim.Order,
        };
        Result<CaseSnapshot> opened;
        // The case reads this device and tells it the case opened before it answers: let that chain back in.
        using (RequestContext.AllowCallChainReentrancy())
        {
            opened = await GrainFactory.GetGrain<ICaseGrain>(claim.CaseNumber).OpenAsync(request);
        }
        if (opened.Error is { } error)
        {
            claim.Refused = error.Message;
            Record(time.GetUtcNow(), MaintenanceActor, DeviceEventKinds.MaintenanceRefused, null, null,
                $"{claim.Order.SourceId} {claim.Order.Period}: work order {claim.CaseNumber} refused: {error.Message}");
            await CommitAsync();
            logger.MaintenanceRefused(Serial, claim.Order.SourceId, claim.Order.Period, error.Message);
            return null;
        }
        var snapshot = opened.Value!;
        var department = DepartmentNames.ToSlug(snapshot.Department);
        if (!claim.Opened || claim.Department != department || claim.Region != snapshot.Region)
        {
            // Usually the case's notice, in this call chain, recorded all this already.
            claim.Opened = true;
            claim.Department = department;
            claim.Region = snapshot.Region;
            await CommitAsync();
        }
        await TrackAsync(claim);
        return claim.CaseNumber;
    }

    /// <summary>Sets each time-based plan's next occurrence under the plans in force with <paramref name="model"/> (plans
    /// with an open work order wait for it to end) and takes back the occurrences of plans no longer in force; the
    /// device follows the model's plans version from then on. Answers what to hand to the scheduler after the write.</summary>
    private List<(MaintenanceDue? Old, MaintenanceDue? New)> PlanAhead(ProductModel? model, DateTimeOffset now)
    {
        S.ModelPlansVersion = Math.Max(S.ModelPlansVersion, model?.PlansVersion ?? 0);
        var plans = PlansInForce(model);
        var changes = new List<(MaintenanceDue? Old, MaintenanceDue? New)>();
        var calendar = Calendar;
        var today = calendar.DateOf(now);
        // The day commissioning was accepted, read in the region (AcceptedOn keeps its UTC day, which the warranty uses).
        var inService = S.CommissionedAt is { } accepted ? calendar.DateOf(accepted)
            : S.AcceptedOn ?? S.InstalledOn ?? calendar.DateOf(S.CreatedAt);
        var open = S.MaintenanceClaims.Values.Where(c => c.EndedAt is null && c.Refused is null).Select(c => c.Order.SourceId).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, standing) in S.PlanStandings)
        {
            if (standing.Next is { } stale && (!plans.TryGetValue(id, out var entry) || MaintenanceSchedule.IsUsageBased(entry.Plan)))
            {
                standing.Next = null;
                changes.Add((stale, null));
            }
        }
        foreach (var (plan, _) in plans.Values.Where(p => !MaintenanceSchedule.IsUsageBased(p.Plan) && !open.Contains(p.Plan.Id)))
        {
            var standing = Standing(plan.Id);
            var notBefore = standing.LastClaimedDay is { } claimed && claimed >= today ? claimed.AddDays(1) : today;
            var next = MaintenanceSchedule.NextDueDay(plan, inService, standing.LastVisitOn, notBefore) is { } day
                ? MaintenanceSchedule.Due(Serial, plan, day, calendar)
                : null;
            if (next == standing.Next)
            {
                if (next is not null && !standing.HandedOver)
                {
                    changes.Add((null, next));
                }
                continue;
            }
            changes.Add((standing.Next, next));
            standing.Next = next;
            standing.HandedOver = false;
        }
        return changes;
    }

    /// <summary>Takes back every scheduled occurrence (the device leaves service for good).</summary>
    private List<(MaintenanceDue? Old, MaintenanceDue? New)> StopMaintenance()
    {
        var changes = new List<(MaintenanceDue? Old, MaintenanceDue? New)>();
        foreach (var standing in S.PlanStandings.Values.Where(s => s.Next is not null))
        {
            changes.Add((standing.Next, null));
            standing.Next = null;
        }
        return changes;
    }

    /// <summary>Tells the scheduler (after the device's write): a failure is logged and the occurrence stays marked as not
    /// handed over, so the next change of the device hands it over again (the scheduler is idempotent).</summary>
    private async Task HandOverAsync(List<(MaintenanceDue? Old, MaintenanceDue? New)> changes)
    {
        var scheduler = GrainFactory.GetGrain<IMaintenanceScheduleGrain>(0);
        foreach (var (old, next) in changes)
        {
            try
            {
                if (old is not null)
                {
                    await scheduler.CancelAsync(old);
                }
                if (next is not null)
                {
                    await scheduler.ScheduleAsync(next);
                    if (S.PlanStandings.TryGetValue(next.PlanId, out var standing) && standing.Next == next)
                    {
                        standing.HandedOver = true;
                    }
                }
            }
            catch (Exception exception)
            {
                logger.MaintenanceHandOverFailed(exception, Serial, (next ?? old)!.PlanId);
            }
        }
    }

    private async Task<Result<DeviceMaintenance>> ChangePlansAsync(ProductModel? model, string actor, string details)
    {
        var now = time.GetUtcNow();
        var handOver = TakesMaintenance ? PlanAhead(model, now) : [];
        Record(now, ActorOf(actor), DeviceEventKinds.MaintenancePlanChanged, null, null, details);
        await CommitAsync();
        await HandOverAsync(handOver);
        return Result.Ok(MaintenanceView(PlansInForce(model)));
    }

    private CommandError? PrecheckPlanChange(int? expectedVersion)
    {
        if (Precheck(expectedVersion) is { } refused)
        {
            return refused;
        }
        return S.Status == DeviceStatus.Decommissioned
            ? CommandError.Conflict($"Device {Serial} is decommissioned: it takes no maintenance plans.")
            : null;
    }

    /// <summary>The plans in force: the model's, replaced by the device's own plans of the same id.</summary>
    private async Task<Dictionary<string, (MaintenancePlanTemplate Plan, bool FromModel)>> PlansInForceAsync() =>
        PlansInForce(await CurrentModelAsync());

    private Dictionary<string, (MaintenancePlanTemplate Plan, bool FromModel)> PlansInForce(ProductModel? model)
    {
        var plans = new Dictionary<string, (MaintenancePlanTemplate Plan, bool FromModel)>(StringComparer.Ordinal);
        foreach (var plan in model is null || model.MaintenancePlans.IsDefault ? [] : model.MaintenancePlans)
        {
            plans[plan.Id] = (plan, true);
        }
        foreach (var plan in S.OwnPlans.Values)
        {
            plans[plan.Id] = (plan, false);
        }
        return plans;
    }

    private DeviceMaintenance MaintenanceView(Dictionary<string, (MaintenancePlanTemplate Plan, bool FromModel)> plans)
    {
        var now = time.GetUtcNow();
        var statuses = plans.Values.OrderBy(p => p.Plan.Id, StringComparer.Ordinal).Select(p =>
        {
            S.PlanStandings.TryGetValue(p.Plan.Id, out var standing);
            var open = S.MaintenanceClaims.Values.FirstOrDefault(c => c.Order.SourceId == p.Plan.Id && c.IsOpen);
            return new MaintenancePlanStatus(p.Plan, p.FromModel, standing?.Next, standing?.LastVisitOn, open?.CaseNumber);
        });
        var orders = S.MaintenanceClaims.Values.OrderByDescending(c => c.ClaimedAt).Select(c => OrderOf(c, now));
        return new DeviceMaintenance(Serial, [.. statuses], [.. orders], S.Version);
    }

    /// <summary>The open maintenance work orders, for the device's snapshot.</summary>
    private ImmutableArray<DeviceMaintenanceOrder> OpenMaintenanceOrders(DateTimeOffset now) =>
        [.. S.MaintenanceClaims.Values.Where(c => c.IsOpen).OrderBy(c => c.Order.Window.End).Select(c => OrderOf(c, now))];

    private static DeviceMaintenanceOrder OrderOf(MaintenanceClaim claim, DateTimeOffset now) =>
        new(claim.CaseNumber, claim.Order, claim.IsOpen, claim.IsOpen && MaintenanceSchedule.IsOverdue(claim.Order.Window, now))
        {
            Refused = claim.Refused,
            EndedAt = claim.EndedAt,
            Cancelled = claim.Cancelled,
            ReissuedAs = claim.ReissuedAs,
            Reissues = claim.Reissues,
        };

    private async Task TrackAsync(MaintenanceClaim claim)
    {
        if (claim.Region is not { } region || !claim.IsOpen)
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<IMaintenanceOrdersGrain>(region)
                .TrackAsync(new OpenMaintenanceOrder(claim.CaseNumber, Serial, claim.Department ?? "", region, claim.Order));
        }
        catch (Exception exception)
        {
            logger.MaintenanceIndexFailed(exception, Serial, claim.CaseNumber);
        }
    }

    private async Task UntrackAsync(string region, string caseNumber)
    {
        try
        {
            await GrainFactory.GetGrain<IMaintenanceOrdersGrain>(region).UntrackAsync(caseNumber);
        }
        catch (Exception exception)
        {
            logger.MaintenanceIndexFailed(exception, Serial, caseNumber);
        }
    }

    private bool TakesMaintenance =>
        S.Registered && S.Status is DeviceStatus.InService or DeviceStatus.UnderMaintenance or DeviceStatus.Faulty;

    private PlanStanding Standing(string planId)
    {
        if (!S.PlanStandings.TryGetValue(planId, out var standing))
        {
            S.PlanStandings[planId] = standing = new PlanStanding();
        }
        return standing;
    }

    /// <summary>Drops the oldest ended or refused claims beyond <see cref="MaxMaintenanceClaims"/>.</summary>
    private void TrimClaims()
    {
        var excess = S.MaintenanceClaims.Count - MaxMaintenanceClaims;
        if (excess <= 0)
        {
            return;
        }
        foreach (var key in S.MaintenanceClaims.Where(c => c.Value.EndedAt is not null || c.Value.Refused is not null)
                     .OrderBy(c => c.Value.ClaimedAt).Take(excess).Select(c => c.Key).ToList())
        {
            S.MaintenanceClaims.Remove(key);
        }
    }

    private static string ClaimKey(string sourceId, string period) => sourceId + "|" + period;

    private static MaintenanceTrigger TriggerOf(MaintenanceOrder order) => new(order.Trigger, order.SourceId, order.Period, order.Evidence, order.Window);
}
