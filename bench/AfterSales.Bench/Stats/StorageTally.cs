namespace AfterSales.Bench.Stats;

/// <summary>Grain-storage calls of one state name (one grain type).</summary>
/// <param name="Writes">Successful state writes.</param>
/// <param name="Rows">Row changes those writes carried (row-backed states keep growing collections as rows).</param>
/// <param name="Events">Journal events those writes appended.</param>
/// <param name="Reads">State reads (one per activation).</param>
/// <param name="Clears">State clears.</param>
/// <param name="Failures">Calls that threw (a version conflict, an I/O error).</param>
internal readonly record struct StateCounts(long Writes, long Rows, long Events, long Reads, long Clears, long Failures)
{
    public static StateCounts operator -(StateCounts a, StateCounts b) =>
        new(a.Writes - b.Writes, a.Rows - b.Rows, a.Events - b.Events, a.Reads - b.Reads, a.Clears - b.Clears, a.Failures - b.Failures);

    public bool IsZero => this == default;
}

/// <summary>Grain-storage calls by state name at one moment, or between two moments (<see cref="Minus"/>).</summary>
internal sealed record StorageTally(IReadOnlyDictionary<string, StateCounts> ByState)
{
    public long Writes => ByState.Values.Sum(c => c.Writes);

    /// <summary>The calls made since <paramref name="earlier"/>; state names without any are left out.</summary>
    public StorageTally Minus(StorageTally earlier) => new(ByState
        .Select(pair => (pair.Key, Counts: pair.Value - earlier.ByState.GetValueOrDefault(pair.Key)))
        .Where(entry => !entry.Counts.IsZero)
        .ToDictionary(entry => entry.Key, entry => entry.Counts, StringComparer.Ordinal));

    /// <summary>Writes per operation by state name, most first; the total first of all under <c>all</c>.</summary>
    public IReadOnlyList<(string StateName, double WritesPerOperation, StateCounts Counts)> PerOperation(long operations) =>
        PerOperationRows.Of(ByState, operations, c => c.Writes, (sum, c) => new StateCounts(
            sum.Writes + c.Writes, sum.Rows + c.Rows, sum.Events + c.Events, sum.Reads + c.Reads, sum.Clears + c.Clears, sum.Failures + c.Failures));
}
