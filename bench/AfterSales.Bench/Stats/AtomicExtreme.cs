namespace AfterSales.Bench.Stats;

/// <summary>Lock-free running maximum and minimum of a shared value.</summary>
internal static class AtomicExtreme
{
    /// <summary>Sets <paramref name="location"/> to <paramref name="value"/> if that is larger.</summary>
    public static void Raise(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    /// <summary>Sets <paramref name="location"/> to <paramref name="value"/> if that is smaller.</summary>
    public static void Lower(ref long location, long value)
    {
        var current = Interlocked.Read(ref location);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref location, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
