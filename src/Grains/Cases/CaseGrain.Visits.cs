using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Domain;
using AfterSales.Domain.Reliability;
using AfterSales.Reliability;

namespace AfterSales.Cases;

/// <summary>Maintenance and repair visits on the case, and telling its device of each change of the case.</summary>
internal sealed partial class CaseGrain
{
    // The visits in id order, built once per change (every answer carries them).
    private ImmutableArray<CaseVisit>? _visits;

    private ImmutableArray<CaseVisit> VisitList => _visits ??= [.. S.Visits.Values.OrderBy(v => v.Id)];

    public async Task<Result<RecordedVisit>> RecordVisitAsync(RecordVisitRequest request)
    {
        if (!S.Opened)
        {
            return CommandError.NotFound($"Case {Number} does not exist.");
        }
        // A retry with the key answers what the first request recorded, whatever changed since.
        if (request.IdempotencyKey is { } key && VisitList.FirstOrDefault(v => v.IdempotencyKey == key) is { } earlier)
        {
            if (earlier.RequestHash != request.RequestHash)
            {
                return new CommandError(ErrorKind.IdempotencyMismatch,
                    "This idempotency key was already used with a different visit; use a new key for a new visit.");
            }
            await TellDeviceAsync(request.Actor);
            return Result.Replay(new RecordedVisit(earlier, S.Version));
        }
        if (Precheck(request.ExpectedVersion) is { } refused)
        {
            return refused;
        }
        if (!VisitRules.TakesVisits(S.Type))
        {
            return CommandError.Unprocessable("number",
                $"Case {Number} is a {CamelNames.Of(S.Type)} case: visits are recorded on fault, maintenance and installation cases.");
        }
        if (VisitRules.IsFinished(S.Status))
        {
            return CommandError.Conflict($"Case {Number} is {CamelNames.Of(S.Status)}: a closed or cancelled case takes no visit; open a new case.");
        }
        var now = time.GetUtcNow();
        if (VisitRules.Validate(request, now) is { } invalid)
        {
            return CommandError.Invalid(invalid.Field, invalid.Message);
        }
        if (S.Visits.Count >= VisitLimits.VisitsPerCase)
        {
            return CommandError.Conflict($"Case {Number} already holds {VisitLimits.VisitsPerCase} visits, the most a case keeps.");
        }

        var actor = ActorOf(request.Actor);
        var visit = new CaseVisit(
            ++S.LastVisitId,
            request.TechnicianId?.Trim() ?? S.AssignedTechnicianId,
            request.WorkDone.Trim(),
            request.Parts.IsDefault ? [] : [.. request.Parts.Select(p => p with { PartNumber = p.PartNumber.Trim() })],
            request.StartedAt,
            request.EndedAt,
            VisitRules.MinutesOnSite(request),
            request.Outcome,
            now,
            actor,
            request.IdempotencyKey,
            request.RequestHash);
        S.Visits.Set(VisitKey(visit.Id), visit);
        _visits = null;
        Record(now, actor, CaseEventKinds.VisitRecorded, null, null, VisitRules.Describe(visit));
        await CommitWithSurveyAsync(now, IssueSurvey(Surveys.SurveyTrigger.Visit, visit.Id, visit.TechnicianId, now, actor));
        logger.VisitRecorded(Number, visit.Id, visit.Outcome);
        await TellDeviceAsync(actor);
        return Result.Ok(new RecordedVisit(visit, S.Version));
    }

    /// <summary>Tells the device the case as it stands, after the case's write (open, every action, a visit, a move to
    /// another department or region): one message with its status, its reliability fact and where it is routed.</summary>
    /// <remarks>The notice is the case's whole state, so a replay or a retry repeats the same notice, which the device
    /// takes once. A failed notice is logged, not surfaced — the case's change is already durable — and made good by the
    /// case's next change or a replay of its open.</remarks>
    private async Task TellDeviceAsync(string? actor)
    {
        if (S.DeviceSerial is not { } serial || !VisitRules.TakesVisits(S.Type))
        {
            return;
        }
        try
        {
            await GrainFactory.GetGrain<IDeviceGrain>(serial).OnCaseNoticeAsync(
                new DeviceCaseNotice(WorkFact(serial), DepartmentNames.ToSlug(S.Department), S.Region, time.GetUtcNow(), ActorOf(actor)));
        }
        catch (Exception exception)
        {
            logger.DeviceNoticeFailed(exception, Number, serial);
        }
    }

    private CaseWorkFact WorkFact(string serial)
    {
        var visits = VisitList;
        return new CaseWorkFact(Number, serial, S.Type, S.Status, S.CreatedAt, S.ResolvedAt, visits.Length,
            visits.Count(v => v.Outcome == VisitOutcome.FollowUpNeeded), visits.IsEmpty ? null : visits[0].Outcome,
            visits.Sum(v => v.MinutesOnSite), S.Version);
    }

    private static string VisitKey(int id) => id.ToString("D4", CultureInfo.InvariantCulture);
}
