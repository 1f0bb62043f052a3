using AfterSales.Domain.CaseList;
using Microsoft.Extensions.Logging;

namespace AfterSales.CaseList;

/// <summary>Answers case-list queries from the list's store on the silo that takes the call (a stateless worker: no
/// single grain on the path of every list request).</summary>
[StatelessWorker]
internal sealed class CaseListGrain(ICaseListStore store, ILogger<CaseListGrain> logger) : Grain, ICaseListGrain
{
    public Task<CaseListPage> QueryAsync(CaseListQuery query) => store.QueryAsync(query);

    public Task<ProjectionProgress> GetProgressAsync() => store.ReadProgressAsync();

    public async Task<Kpis.KpiReport> GetKpisAsync(Kpis.KpiQuery query)
    {
        // Progress first: every event at or below its position is in the sums read after it.
        var progress = await store.ReadProgressAsync();
        return Domain.Kpis.KpiFigures.Report(query, await store.SumKpisAsync(query), progress);
    }

    public async Task<ProjectionProgress> RebuildAsync()
    {
        var progress = await store.ReadProgressAsync();
        logger.RebuildStarted(progress.Head);
        await Task.WhenAll(Enumerable.Range(0, FeedPartitions.Count)
            .Select(p => GrainFactory.GetGrain<ICaseFeedGrain>(FeedPartitions.Key(p)).ResetAsync()));
        // The reader starts again from the partitions' checkpoints, now at the journal's start.
        await GrainFactory.GetGrain<ICaseFeedReaderGrain>(ICaseFeedReaderGrain.Key).RefreshAsync();
        return await store.ReadProgressAsync();
    }
}
