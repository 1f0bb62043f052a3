namespace AfterSales.Bench.Scenarios;

/// <summary>One technician's assigned load and the pool (department-region) it competes in.</summary>
internal sealed record TechnicianLoad(string TechnicianId, string Pool, int Load);

/// <summary>How evenly work spread: each technician's load against the mean of its own pool (a department in a
/// region), since triage sends different volumes to different departments.</summary>
/// <param name="MaxDeviation">Largest |load − pool mean| / pool mean over all technicians (0.05 = 5 %).</param>
/// <param name="MinPoolMean">The smallest mean load of a pool that received work: the sample a verdict rests on.</param>
/// <param name="Outside">Technicians whose deviation exceeds the tolerance.</param>
/// <param name="MinMeanLoad">The pool mean below which no verdict is given (see <see cref="Judged"/>).</param>
internal sealed record FairnessReport(
    int Technicians, int Pools, double MeanLoad, double MinPoolMean, int MinLoad, int MaxLoad, double MaxDeviation,
    string? WorstTechnician, int Outside, double Tolerance, double MinMeanLoad)
{
    /// <summary>True when every pool that received work averages at least <see cref="MinMeanLoad"/> units: below that,
    /// one or two cases more or less move a technician past the tolerance, and the verdict is about a handful of
    /// cases, not the routing.</summary>
    public bool Judged => Technicians > 0 && Pools > 0 && MinPoolMean >= MinMeanLoad;

    public bool Met => Judged && Outside == 0;

    /// <summary>Computes the report; pools whose mean is zero (no work reached them) are skipped.</summary>
    public static FairnessReport Compute(IReadOnlyCollection<TechnicianLoad> loads, double tolerance, double minMeanLoad = 0)
    {
        var maxDeviation = 0d;
        string? worst = null;
        var outside = 0;
        var pools = 0;
        var minPoolMean = double.MaxValue;
        foreach (var pool in loads.GroupBy(l => l.Pool, StringComparer.Ordinal))
        {
            var mean = pool.Average(l => (double)l.Load);
            if (mean <= 0)
            {
                continue;
            }
            pools++;
            minPoolMean = Math.Min(minPoolMean, mean);
            foreach (var technician in pool)
            {
                var deviation = Math.Abs(technician.Load - mean) / mean;
                if (deviation > tolerance)
                {
                    outside++;
                }
                if (deviation > maxDeviation || worst is null)
                {
                    maxDeviation = deviation;
                    worst = technician.TechnicianId;
                }
            }
        }
        return loads.Count == 0
            ? new FairnessReport(0, 0, 0, 0, 0, 0, 0, null, 0, tolerance, minMeanLoad)
            : new FairnessReport(loads.Count, pools, loads.Average(l => (double)l.Load), pools == 0 ? 0 : minPoolMean,
                loads.Min(l => l.Load), loads.Max(l => l.Load), maxDeviation, worst, outside, tolerance, minMeanLoad);
    }
}
