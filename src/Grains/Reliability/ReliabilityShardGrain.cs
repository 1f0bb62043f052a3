using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.Reliability;
using Microsoft.Extensions.Logging;

namespace AfterSales.Reliability;

/// <summary>
/// One shard of a model's reliability: devices whose serial hashes to it send the facts of their cases and their time in
/// service; the shard keeps each fact as a row and the running totals in its record, in one write per change.
/// </summary>
/// <remarks>Awaits no grain; devices await it. A fact with a lower revision than the one held is stale and a fact that
/// changes no total is not written, so repeats (a retry, a device healing a lost hand-over) cost a read of memory.</remarks>
internal sealed class ReliabilityShardGrain(
    [PersistentState("reliabilityShard", StorageNames.Main)] IPersistentState<ReliabilityShardState> state,
    ILogger<ReliabilityShardGrain> logger) : Grain, IReliabilityShardGrain
{
    private ReliabilityShardState S => state.State;

    private string Key => this.GetPrimaryKeyString();

    public Task OnCaseWorkAsync(CaseWorkFact fact) =>
        ReplaceAsync(S.Cases, fact.CaseNumber, fact, fact.Revision, f => f.Revision, ReliabilityMath.Of);

    public Task OnServiceAsync(DeviceServiceFact fact) =>
        ReplaceAsync(S.Devices, fact.Serial, fact, fact.Revision, f => f.Revision, ReliabilityMath.Of);

    public async Task OnServicesAsync(ImmutableArray<DeviceServiceFact> facts)
    {
        var changed = false;
        foreach (var fact in facts.IsDefault ? [] : facts)
        {
            changed |= Replace(S.Devices, fact.Serial, fact, fact.Revision, f => f.Revision, ReliabilityMath.Of);
        }
        if (changed)
        {
            await state.WriteOrResetAsync(this);
        }
    }

    public Task<ReliabilityTotals> GetTotalsAsync() => Task.FromResult(S.Totals);

    private async Task ReplaceAsync<T>(
        Persistence.StateRows<T> rows, string key, T fact, int revision, Func<T, int> revisionOf, Func<T, ReliabilityTotals> share)
        where T : class
    {
        if (Replace(rows, key, fact, revision, revisionOf, share))
        {
            await state.WriteOrResetAsync(this);
        }
    }

    /// <summary>Replaces the fact held under <paramref name="key"/> in memory; true when a total changed (to be written).</summary>
    private bool Replace<T>(
        Persistence.StateRows<T> rows, string key, T fact, int revision, Func<T, int> revisionOf, Func<T, ReliabilityTotals> share)
        where T : class
    {
        rows.TryGetValue(key, out var held);
        if (held is not null && revisionOf(held) is var heldRevision && revision < heldRevision)
        {
            logger.StaleFact(Key, key, revision, heldRevision);
            return false;
        }
        var before = held is null ? null : share(held);
        var after = share(fact);
        if (after == (before ?? ReliabilityTotals.Zero))
        {
            return false;
        }
        rows.Set(key, fact);
        S.Totals = S.Totals.Replace(before, after);
        return true;
    }
}
