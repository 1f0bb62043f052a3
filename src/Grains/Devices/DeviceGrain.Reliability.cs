using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Domain;
using AfterSales.Domain.Reliability;
using AfterSales.Reliability;

namespace AfterSales.Devices;

/// <summary>The device's reliability: the facts of its cases (one row each) and its time in service, kept here for its
/// own figures and passed on to its model's reliability shard, which sums them for the model.</summary>
internal sealed partial class DeviceGrain
{
    // The service fact the shard last acknowledged in this activation (a new activation reports once more; the shard
    // takes a repeat as a no-op).
    private DeviceServiceFact? _reportedService;

    // The cases whose held fact the shard acknowledged in this activation: a notice that changes nothing the figures
    // count costs no hop for them. Any other held fact is passed on with its case's next notice, which heals a hand-over
    // that failed or was lost with an earlier activation (once per case and activation).
    private readonly HashSet<string> _forwarded = new(StringComparer.Ordinal);

    /// <summary>True when the device holds a newer fact of the case (a notice overtaken by a later one).</summary>
    private bool IsStale(CaseWorkFact fact) => S.Work.TryGetValue(fact.CaseNumber, out var held) && fact.Revision < held.Revision;

    /// <summary>Keeps the case's fact as a row when it changes what the figures count (a start or a wait does not), with a
    /// <c>visitRecorded</c> event for a new visit. True when it did (the caller writes).</summary>
    private bool KeepFact(CaseWorkFact fact)
    {
        S.Work.TryGetValue(fact.CaseNumber, out var held);
        var before = held is null ? ReliabilityTotals.Zero : ReliabilityMath.Of(held);
        if (ReliabilityMath.Of(fact) == before)
        {
            return false;
        }
        S.Work.Set(fact.CaseNumber, fact);
        _forwarded.Remove(fact.CaseNumber);
        if (fact.Visits > (held?.Visits ?? 0))
        {
            var outcome = fact.FollowUps > (held?.FollowUps ?? 0) ? VisitOutcome.FollowUpNeeded : VisitOutcome.Fixed;
            Record(time.GetUtcNow(), SystemActor, DeviceEventKinds.VisitRecorded, null, null,
                $"{CamelNames.Of(fact.Type)} case {fact.CaseNumber}: visit {fact.Visits}, {CamelNames.Of(outcome)}");
        }
        return true;
    }

    public Task<ReliabilityFigures?> GetReliabilityAsync()
    {
        if (!S.Registered)
        {
            return Task.FromResult<ReliabilityFigures?>(null);
        }
        var totals = ServiceFact is { } service ? ReliabilityMath.Of(service) : ReliabilityTotals.Zero;
        foreach (var fact in S.Work.Values)
        {
            totals = totals.Plus(ReliabilityMath.Of(fact));
        }
        return Task.FromResult<ReliabilityFigures?>(ReliabilityMath.Figures(totals, time.GetUtcNow()));
    }

    private DeviceServiceFact? ServiceFact =>
        ReliabilityMath.InServiceFrom(S.CommissionedAt, S.AcceptedOn) is { } from ? new(Serial, from, S.ServiceEndedAt, S.Version) : null;

    private IReliabilityShardGrain ReliabilityShard =>
        GrainFactory.GetGrain<IReliabilityShardGrain>(ReliabilityKeys.Shard(S.Model, ReliabilityMath.ShardOf(Serial)));

    /// <summary>Called before each write: a device leaving service after being in it keeps when (its time in service ends).</summary>
    private void StampServiceEnd()
    {
        if (S.Status == DeviceStatus.Decommissioned && S.ServiceEndedAt is null && ServiceFact is not null)
        {
            S.ServiceEndedAt = time.GetUtcNow();
        }
    }

    /// <summary>Called after each write: reports the time in service to the model's shard when it changed. Best effort;
    /// a lost report is repeated after the device's next write.</summary>
    private async Task ReportServiceAsync()
    {
        if (ServiceFact is not { } fact || (_reportedService is { } reported && reported == fact with { Revision = reported.Revision }))
        {
            return;
        }
        try
        {
            await ReliabilityShard.OnServiceAsync(fact);
            _reportedService = fact;
        }
        catch (Exception exception)
        {
            logger.ServiceReportFailed(exception, Serial, ReliabilityShard.GetPrimaryKeyString());
        }
    }

    /// <summary>Passes the held fact of the case on to the model's shard (after the device's write), unless the shard
    /// acknowledged it in this activation. Best effort: a failure is logged and retried with the case's next notice.</summary>
    private async Task ForwardHeldAsync(string caseNumber)
    {
        if (!S.Work.TryGetValue(caseNumber, out var held) || _forwarded.Contains(caseNumber))
        {
            return;
        }
        try
        {
            await ReliabilityShard.OnCaseWorkAsync(held);
            _forwarded.Add(caseNumber);
        }
        catch (Exception exception)
        {
            logger.CaseWorkForwardFailed(exception, Serial, caseNumber, ReliabilityShard.GetPrimaryKeyString());
        }
    }
}
