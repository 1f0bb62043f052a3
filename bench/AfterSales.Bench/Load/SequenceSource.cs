namespace AfterSales.Bench.Load;

/// <summary>Numbers operations across warm-up and measured phases, so no two operations of a run share a number
/// (scenarios derive ids and the case mix from it).</summary>
internal sealed class SequenceSource
{
    private long _next = -1;

    public long Next() => Interlocked.Increment(ref _next);
}
