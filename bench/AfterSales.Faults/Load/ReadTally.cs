namespace AfterSales.Faults.Load;

/// <summary>The reads of a mixed run: how many, how many failed, and their latencies (for percentiles).</summary>
public sealed class ReadTally
{
    private readonly List<double> _milliseconds = [];
    private int _failed;

    public int Count
    {
        get
        {
            lock (_milliseconds)
            {
                return _milliseconds.Count;
            }
        }
    }

    public int Failed => Volatile.Read(ref _failed);

    public void Add(TimeSpan latency, bool succeeded)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(latency.TotalMilliseconds);
        }
        if (!succeeded)
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1) in milliseconds, nearest rank; 0 without reads.</summary>
    public double Percentile(double q)
    {
        lock (_milliseconds)
        {
            return Percentiles.Of(_milliseconds, q);
        }
    }
}

/// <summary>Nearest-rank percentiles of a sample.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> sample, double q)
    {
        if (sample.Count == 0)
        {
            return 0;
        }
        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(q * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
