namespace AfterSales.Bench.Load;

/// <summary>How load is applied in one phase: an open loop at <see cref="Rate"/> operations/s, or a closed
/// loop of <see cref="Concurrency"/> workers; bounded by <see cref="Duration"/> and <see cref="MaxOperations"/>.</summary>
internal sealed record LoadPlan(double? Rate, int Concurrency, int MaxInFlight, TimeSpan Duration, long MaxOperations)
{
    public bool IsOpenLoop => Rate is not null;

    public override string ToString() => Rate is { } rate
        ? $"open loop {rate:0.##}/s (≤ {MaxInFlight} in flight)"
        : $"closed loop, {Concurrency} in flight";
}
