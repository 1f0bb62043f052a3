namespace AfterSales.Bench.Scenarios;

/// <summary>One technician's assigned load and the pool (department-region) it competes in.</summary>
internal sealed record TechnicianLoad(string TechnicianId, string Pool, int Load);

/// <summary>How evenly work spread: each technician's load against the mean of its own pool (a department in a
/// region), since triage sends different volumes to different departments.</summary>
/// <param name="MaxDeviation">Largest |load − pool mean| / pool mean over all technicians (0.05 = 5 %).</param>
/// <param name="Outside">Technicians whose deviation exceeds the tolerance.</param>
internal sealed record FairnessReport(
    int Technicians, int Pools, double MeanLoad, int MinLoad, int MaxLoad, double MaxDeviation, string? WorstTechnician, int Outside, double Tolerance)
{
    public bool Met => Technicians > 0 && Outside == 0;

    /// <summary>Computes the report; pools whose mean is zero (no work reached them) are skipped.</summary>
    public static FairnessReport Compute(IReadOnlyCollection<TechnicianLoad> loads, double tolerance)
    {
        var maxDeviation = 0d;
        string? worst = null;
        var outside = 0;
        var pools = 0;
        foreach (var pool in loads.GroupBy(l => l.Pool, StringComparer.Ordinal))
        {
            var mean = pool.Average(l => (double)l.Load);
            if (mean <= 0)
            {
                continue;
            }
            pools++;
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
            ? new FairnessReport(0, 0, 0, 0, 0, 0, null, 0, tolerance)
            : new FairnessReport(loads.Count, pools, loads.Average(l => (double)l.Load), loads.Min(l => l.Load), loads.Max(l => l.Load),
                maxDeviation, worst, outside, tolerance);
    }
}
