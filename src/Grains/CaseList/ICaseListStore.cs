namespace AfterSales.CaseList;

/// <summary>Where the case list is kept: the embedded silo's SQLite file or the cluster's PostgreSQL database (or
/// memory in grain tests). Registered by the host beside the grain storage.</summary>
public interface ICaseListStore
{
    /// <summary>The journal position up to which <paramref name="partition"/> applied every event (0: none).</summary>
    Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>The stored rows of those of <paramref name="numbers"/> that have one.</summary>
    Task<IReadOnlyDictionary<string, CaseListRow>> ReadRowsAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="changes"/> of <paramref name="partition"/> and, when given, its new checkpoint,
    /// in one transaction. A row whose stored sequence is at or above the change's is left alone (a late duplicate).</summary>
    Task SaveAsync(int partition, IReadOnlyList<CaseListChange> changes, long? checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Deletes the rows and the checkpoint of <paramref name="partition"/>, in one transaction.</summary>
    Task ResetAsync(int partition, CancellationToken cancellationToken = default);

    /// <summary>A page of the list.</summary>
    Task<CaseListPage> QueryAsync(CaseListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The sums the KPI figures of <paramref name="query"/> are computed from (docs/KPIS.md).</summary>
    Task<Kpis.KpiSums> SumKpisAsync(Kpis.KpiQuery query, CancellationToken cancellationToken = default);

    /// <summary>The lowest checkpoint of all partitions and the journal's head.</summary>
    Task<ProjectionProgress> ReadProgressAsync(CancellationToken cancellationToken = default);
}

/// <summary>A row to store; <paramref name="TextChanged"/> says whether its subject or description changed (the text
/// index is only rewritten then).</summary>
public sealed record CaseListChange(CaseListRow Row, bool TextChanged);
