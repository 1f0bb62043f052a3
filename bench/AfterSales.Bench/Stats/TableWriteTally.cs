namespace AfterSales.Bench.Stats;

/// <summary>Row writes to one table, from PostgreSQL's cumulative statistics (<c>pg_stat_user_tables</c>).</summary>
/// <param name="Inserted"><c>n_tup_ins</c>: rows inserted (an upsert that inserts counts here).</param>
/// <param name="Updated"><c>n_tup_upd</c>: rows updated (an upsert that updates counts here, HOT or not).</param>
/// <param name="Deleted"><c>n_tup_del</c>: rows deleted.</param>
internal readonly record struct TableCounts(long Inserted, long Updated, long Deleted)
{
    public long Writes => Inserted + Updated + Deleted;

    public static TableCounts operator -(TableCounts a, TableCounts b) =>
        new(a.Inserted - b.Inserted, a.Updated - b.Updated, a.Deleted - b.Deleted);

    public static TableCounts operator +(TableCounts a, TableCounts b) =>
        new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Deleted + b.Deleted);

    public bool IsZero => this == default;
}

/// <summary>Row writes by table at one moment, or between two moments (<see cref="Minus"/>): the database-side
/// counterpart of <see cref="StorageTally"/>, for runs against a cluster whose silos the bench cannot instrument.</summary>
internal sealed record TableWriteTally(IReadOnlyDictionary<string, TableCounts> ByTable)
{
    public static TableWriteTally Empty { get; } = new(new Dictionary<string, TableCounts>(StringComparer.Ordinal));

    public long Writes => ByTable.Values.Sum(c => c.Writes);

    /// <summary>The writes since <paramref name="earlier"/>; tables without any are left out. A table the statistics
    /// forgot meanwhile (dropped, or reset) would come out negative: it is left out too rather than reported wrongly.</summary>
    public TableWriteTally Minus(TableWriteTally earlier) => new(ByTable
        .Select(pair => (pair.Key, Counts: pair.Value - earlier.ByTable.GetValueOrDefault(pair.Key)))
        .Where(entry => !entry.Counts.IsZero && entry.Counts is { Inserted: >= 0, Updated: >= 0, Deleted: >= 0 })
        .ToDictionary(entry => entry.Key, entry => entry.Counts, StringComparer.Ordinal));

    /// <summary>The same tally without <paramref name="tables"/> (e.g. the bench's own scratch table).</summary>
    public TableWriteTally Without(params IReadOnlyCollection<string> tables) => new(ByTable
        .Where(pair => !tables.Contains(pair.Key, StringComparer.Ordinal))
        .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));

    /// <summary>Row writes per operation by table, most first; the total first of all under <c>all</c>.</summary>
    public IReadOnlyList<(string Table, double WritesPerOperation, TableCounts Counts)> PerOperation(long operations) =>
        PerOperationRows.Of(ByTable, operations, c => c.Writes, (a, b) => a + b);
}
