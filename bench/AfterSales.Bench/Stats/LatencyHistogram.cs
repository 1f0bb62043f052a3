using System.Diagnostics;
using System.Numerics;

namespace AfterSales.Bench.Stats;

/// <summary>
/// A log-linear latency histogram in nanoseconds, safe to record into from many threads at once.
/// Values below 256 ns are exact; above, each power of two is split into 128 buckets, so any reported
/// value is at most 1/128 (0.8 %) above the true one. Percentiles report the highest value of the
/// bucket they fall in (never optimistic), capped at the exact recorded maximum.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 8;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int HalfCount = SubBucketCount / 2;
    private const int BucketCount = SubBucketCount + ((64 - SubBucketBits) * HalfCount);

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _sum;
    private long _max;
    private long _min = long.MaxValue;

    /// <summary>Number of recorded values.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Largest recorded value (ns); 0 when empty.</summary>
    public long Max => Interlocked.Read(ref _max);

    /// <summary>Smallest recorded value (ns); 0 when empty.</summary>
    public long Min => Count == 0 ? 0 : Interlocked.Read(ref _min);

    /// <summary>Arithmetic mean (ns); 0 when empty.</summary>
    public double Mean => Count == 0 ? 0 : (double)Interlocked.Read(ref _sum) / Count;

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void RecordSince(long startTimestamp) => Record(ToNanoseconds(Stopwatch.GetTimestamp() - startTimestamp));

    /// <summary>Records one value in nanoseconds (negative values count as 0).</summary>
    public void Record(long nanoseconds)
    {
        var value = Math.Max(0, nanoseconds);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        AtomicExtreme.Raise(ref _max, value);
        AtomicExtreme.Lower(ref _min, value);
    }

    /// <summary>The value at or below which <paramref name="percentile"/> % of recorded values lie (ns); 0 when empty.</summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100d);
        var total = Count;
        if (total == 0)
        {
            return 0;
        }
        var rank = Math.Max(1L, (long)Math.Ceiling(percentile / 100d * total));
        long seen = 0;
        for (var index = 0; index < _counts.Length; index++)
        {
            seen += Interlocked.Read(ref _counts[index]);
            if (seen >= rank)
            {
                return Math.Min(HighestEquivalent(index), Max);
            }
        }
        return Max;
    }

    /// <summary>Converts a <see cref="Stopwatch"/> tick count to nanoseconds.</summary>
    public static long ToNanoseconds(long stopwatchTicks) =>
        Stopwatch.Frequency == 1_000_000_000 ? stopwatchTicks : (long)(stopwatchTicks * (1e9 / Stopwatch.Frequency));

    internal static int IndexOf(long value)
    {
        if (value < SubBucketCount)
        {
            return (int)value;
        }
        var highestBit = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var shift = highestBit - SubBucketBits + 1;
        return SubBucketCount + ((shift - 1) * HalfCount) + (int)(value >> shift) - HalfCount;
    }

    internal static long HighestEquivalent(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }
        var shift = ((index - SubBucketCount) / HalfCount) + 1;
        long top = ((index - SubBucketCount) % HalfCount) + HalfCount;
        return ((top + 1) << shift) - 1;
    }
}
