namespace AfterSales.Domain.Problems;

/// <summary>Finds the cluster a newly reported fault completes, and whether a fault falls in an open problem's range.
/// Pure: the caller keeps the faults (one model and fault code) and the clock.</summary>
internal static class FaultClustering
{
    /// <summary>The largest cluster that <paramref name="newest"/> belongs to among <paramref name="faults"/> (which may
    /// include it), or null when no range around it holds <see cref="ClusterRule.Threshold"/> faults. Only faults of the
    /// newest's series inside the window count. Between two ranges of the same size the lower one wins.</summary>
    public static FaultCluster? ClusterOf(IEnumerable<FaultSighting> faults, FaultSighting newest, ClusterRule rule, DateTimeOffset now)
    {
        if (!rule.InWindow(newest.At, now))
        {
            return null;
        }
        var candidates = faults
            .Where(f => f.CaseNumber != newest.CaseNumber && f.Serial.SameSeries(newest.Serial) && rule.InWindow(f.At, now))
            .Append(newest)
            .OrderBy(f => f.Serial.Number)
            .ThenBy(f => f.At)
            .ThenBy(f => f.CaseNumber, StringComparer.Ordinal)
            .ToArray();
        var number = newest.Serial.Number;
        var bestStart = -1;
        var bestCount = 0;
        var end = 0;
        // Every range that holds the newest fault starts at some candidate at or below it: slide the start upwards and
        // keep the end at the last candidate still within the width of the start.
        for (var start = 0; start < candidates.Length && candidates[start].Serial.Number <= number; start++)
        {
            var low = candidates[start].Serial.Number;
            if (!rule.InRange(low, number))
            {
                continue;
            }
            end = Math.Max(end, start);
            while (end + 1 < candidates.Length && rule.InRange(low, candidates[end + 1].Serial.Number))
            {
                end++;
            }
            if (end - start + 1 > bestCount)
            {
                bestStart = start;
                bestCount = end - start + 1;
            }
        }
        return bestCount >= rule.Threshold ? new FaultCluster([.. candidates.AsSpan(bestStart, bestCount)]) : null;
    }

    /// <summary>True when <paramref name="serial"/> may join a problem spanning <paramref name="lowest"/> to
    /// <paramref name="highest"/>: same series, and the widened range still fits the range width.</summary>
    public static bool Admits(SerialNumber lowest, SerialNumber highest, SerialNumber serial, ClusterRule rule) =>
        serial.SameSeries(lowest) && rule.InRange(Math.Min(lowest.Number, serial.Number), Math.Max(highest.Number, serial.Number));
}
