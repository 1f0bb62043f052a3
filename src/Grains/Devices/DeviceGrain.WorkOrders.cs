using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Maintenance;

namespace AfterSales.Devices;

/// <summary>A plan's maintenance work order after it opened: it follows its case as it moves, ends, is cancelled or
/// reopens, and a cancelled one can be re-issued.</summary>
/// <remarks>
/// A resolved work order serves its occurrence: its end is the plan's last visit, the anchor of the next occurrence. A
/// cancelled one does not: the plan's last visit stays, the work order is marked cancelled, and the occurrence stays
/// due until someone re-issues it (<see cref="ReissueMaintenanceOrderAsync"/>) — the plan's later occurrences are
/// scheduled as usual meanwhile. The claim of source and period stays, so the scheduler's repeat of the occurrence never
/// opens a second work order; a re-issue is the one explicit way to a second one, at most one per cancelled work order.
/// </remarks>
internal sealed partial class DeviceGrain
{
    public async Task<Result<DeviceMaintenance>> ReissueMaintenanceOrderAsync(string caseNumber, string actor)
    {
        if (Precheck(null) is { } refused)
        {
            return refused;
        }
        if (S.MaintenanceClaims.Values.FirstOrDefault(c => c.Reissues == caseNumber) is { } reissue)
        {
            // A repeat: completes the re-issue's open when a crash or a timeout cut it off.
            if (!reissue.Opened && reissue.Refused is null)
            {
                await OpenClaimedAsync(reissue);
            }
            return reissue.Refused is { } why
                ? CommandError.Conflict($"The re-issue of {caseNumber} as {reissue.CaseNumber} was refused: {why}")
                : Result.Replay(MaintenanceView(await PlansInForceAsync()));
        }
        if (S.MaintenanceClaims.FirstOrDefault(c => c.Value.CaseNumber == caseNumber) is not { Value: { } cancelled } entry)
        {
            return CommandError.NotFound($"Device {Serial} has no maintenance work order {caseNumber}.", "number");
        }
        if (!cancelled.Cancelled)
        {
            var state = cancelled.Refused is not null ? "was refused" : cancelled.IsOpen ? "is open" : cancelled.Opened ? "was completed" : "is opening";
            return CommandError.Conflict($"Maintenance work order {caseNumber} {state}: only a cancelled work order is re-issued.");
        }
        if (!TakesMaintenance)
        {
            return CommandError.Conflict($"Device {Serial} is {CamelNames.Of(S.Status)}: it takes no maintenance.");
        }

        // Claimed like a first issue, durably before the case opens: the cancelled claim moves aside and the new one takes
        // the occurrence's key, so a repeat (of this request or of the scheduler) finds it and opens the same case.
        var number = await GrainFactory.GetGrain<ICaseNumberGrain>(0).NextAsync();
        var now = time.GetUtcNow();
        S.MaintenanceClaims.Remove(entry.Key);
        S.MaintenanceClaims[entry.Key + "|" + caseNumber] = cancelled;
        cancelled.ReissuedAs = number;
        var claim = new MaintenanceClaim { Order = cancelled.Order, CaseNumber = number, ClaimedAt = now, Reissues = caseNumber };
        S.MaintenanceClaims[entry.Key] = claim;
        TrimClaims();
        Record(now, ActorOf(actor), DeviceEventKinds.MaintenanceReissued, null, null, string.Create(CultureInfo.InvariantCulture,
            $"{claim.Order.SourceId} {claim.Order.Period}: cancelled work order {caseNumber} re-issued as {number}, due {claim.Order.Window.DueAt.UtcDateTime:yyyy-MM-dd HH:mm}Z"));
        await CommitAsync();
        logger.MaintenanceReissued(Serial, caseNumber, number);
        // A case that refused to open is no work order: the client hears it, never a Location of a case not stored.
        return await OpenClaimedAsync(claim) is null && claim.Refused is { } reason
            ? CommandError.Conflict($"The re-issue of {caseNumber} as {number} was refused: {reason}")
            : Result.Ok(MaintenanceView(await PlansInForceAsync()));
    }

    /// <summary>What a case notice did to the device's work order of that case, and what the overdue index needs after the
    /// write: track the work order (where it is now), untrack it from the region it left or untrack it (ended).</summary>
    private readonly record struct WorkOrderStep(bool Changed, bool Ended, MaintenanceClaim? Claim, bool Track, string? LeftRegion)
    {
        public static WorkOrderStep None => default;
    }

    /// <summary>Follows the work order of a plan or rule as its case opens, moves, ends and reopens.</summary>
    private WorkOrderStep FollowWorkOrder(DeviceCaseNotice notice, bool open)
    {
        var fact = notice.Work;
        if (fact.Type != CaseType.Maintenance
            || S.MaintenanceClaims.Values.FirstOrDefault(c => c.CaseNumber == fact.CaseNumber) is not { } claim
            || fact.Revision < claim.CaseRevision)
        {
            return WorkOrderStep.None;
        }
        claim.CaseRevision = fact.Revision;
        if (open)
        {
            var followed = claim.IsOpen || claim.EndedAt is not null;
            var left = claim.Region is { } region && region != notice.Region ? region : null;
            if (claim.IsOpen && claim.Department == notice.Department && claim.Region == notice.Region)
            {
                return WorkOrderStep.None;
            }
            claim.Opened = true;
            claim.EndedAt = null;
            claim.Department = notice.Department;
            claim.Region = notice.Region;
            // On the case's first notice the device is still opening it: the open tracks it once it completes.
            return new WorkOrderStep(true, false, claim, followed, followed ? left : null);
        }
        if (claim.EndedAt is not null || !claim.Opened && claim.Refused is not null)
        {
            return WorkOrderStep.None;
        }
        claim.Opened = true;
        claim.EndedAt = notice.At;
        if (fact.Status == CaseStatus.Cancelled)
        {
            claim.Cancelled = true;
            Record(notice.At, ActorOf(notice.Actor), DeviceEventKinds.MaintenanceCancelled, null, null,
                $"{claim.Order.SourceId} {claim.Order.Period}: work order {claim.CaseNumber} cancelled; the occurrence was not served");
            logger.MaintenanceCancelled(Serial, claim.CaseNumber, claim.Order.SourceId, claim.Order.Period);
        }
        else
        {
            var standing = Standing(claim.Order.SourceId);
            standing.LastVisitOn = Calendar.DateOf(notice.At);
            standing.LastWorkOrder = claim.CaseNumber;
        }
        return new WorkOrderStep(true, true, claim, false, null);
    }

    /// <summary>Keeps the region's overdue index in step with a work order's step (after the device's write).</summary>
    private async Task IndexAsync(WorkOrderStep step)
    {
        if (step.Claim is not { } claim)
        {
            return;
        }
        if (step.LeftRegion is { } left)
        {
            await UntrackAsync(left, claim.CaseNumber);
        }
        if (step.Track)
        {
            await TrackAsync(claim);
        }
        else if (step.Ended && claim.Region is { } region)
        {
            await UntrackAsync(region, claim.CaseNumber);
        }
    }
}
