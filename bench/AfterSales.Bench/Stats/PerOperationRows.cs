namespace AfterSales.Bench.Stats;

/// <summary>Write counts by name (grain state or table) divided by the operations of a phase, shared by the in-process
/// grain-storage counts and the cluster's table statistics so both report in the same shape.</summary>
internal static class PerOperationRows
{
    /// <summary>Writes per operation by name, most first, then by name; the total first of all under <c>all</c>; none
    /// without an operation.</summary>
    public static IReadOnlyList<(string Name, double WritesPerOperation, TCounts Counts)> Of<TCounts>(
        IReadOnlyDictionary<string, TCounts> byName, long operations, Func<TCounts, long> writes, Func<TCounts, TCounts, TCounts> add)
        where TCounts : struct
    {
        if (operations <= 0)
        {
            return [];
        }
        var rows = byName
            .OrderByDescending(pair => writes(pair.Value))
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => (pair.Key, writes(pair.Value) / (double)operations, pair.Value))
            .ToList();
        var total = byName.Values.Aggregate(default(TCounts), add);
        rows.Insert(0, ("all", writes(total) / (double)operations, total));
        return rows;
    }
}
