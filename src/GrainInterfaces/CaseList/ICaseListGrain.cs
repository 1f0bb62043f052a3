namespace AfterSales.CaseList;

/// <summary>Reads the case list (a stateless worker on every silo: queries go to the list's store, never to a single
/// grain) and starts a rebuild.</summary>
[Alias("AfterSales.CaseList.ICaseListGrain")]
public interface ICaseListGrain : IGrainWithIntegerKey
{
    [Alias("Query"), ReadOnly]
    Task<CaseListPage> QueryAsync(CaseListQuery query);

    /// <summary>The KPI figures of a period, summed by the list's store over its rows (never from the case grains).</summary>
    [Alias("Kpis"), ReadOnly]
    Task<Kpis.KpiReport> GetKpisAsync(Kpis.KpiQuery query);

    [Alias("Progress"), ReadOnly]
    Task<ProjectionProgress> GetProgressAsync();

    /// <summary>Empties the list and its checkpoints; every partition then replays the journal from the start.
    /// Answers the journal head at the time, which the progress passes once the rebuild is complete.</summary>
    [Alias("Rebuild")]
    Task<ProjectionProgress> RebuildAsync();
}
