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

    public async Task OnCaseWorkAsync(CaseWorkFact fact)
    {
        if (!S.Registered || fact.Serial != Serial || !VisitRules.TakesVisits(fact.Type))
        {
            return;
        }
        S.Work.TryGetValue(fact.CaseNumber, out var held);
        if (held is not null && fact.Revision < held.Revision)
        {
            await ForwardAsync(held);
            return;
        }
        var before = held is null ? ReliabilityTotals.Zero : ReliabilityMath.Of(held);
        if (ReliabilityMath.Of(fact) == before)
        {
            // Nothing the figures see changed (a start, a wait): pass on what is held, which heals a lost hand-over.
            if (held is not null)
            {
                await ForwardAsync(held);
            }
            return;
        }
        S.Work.Set(fact.CaseNumber, fact);
        if (fact.Visits > (held?.Visits ?? 0))
        {
            var outcome = fact.FollowUps > (held?.FollowUps ?? 0) ? VisitOutcome.FollowUpNeeded : VisitOutcome.Fixed;
            Record(time.GetUtcNow(), SystemActor, DeviceEventKinds.VisitRecorded, null, null,
                $"{CamelNames.Of(fact.Type)} case {fact.CaseNumber}: visit {fact.Visits}, {CamelNames.Of(outcome)}");
        }
        await CommitAsync();
        await ForwardAsync(fact);
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

    private async Task ForwardAsync(CaseWorkFact fact)
    {
        try
        {
            await ReliabilityShard.OnCaseWorkAsync(fact);
        }
        catch (Exception exception)
        {
            logger.CaseWorkForwardFailed(exception, Serial, fact.CaseNumber, ReliabilityShard.GetPrimaryKeyString());
        }
    }
}
