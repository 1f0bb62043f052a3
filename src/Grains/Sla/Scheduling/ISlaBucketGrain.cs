namespace AfterSales.Sla.Scheduling;

/// <summary>The SLA instants of one time slot and shard (key from <see cref="SlaBuckets.KeyOf"/>): wakes each case at
/// its instant. Holds one reminder while it holds entries.</summary>
[Alias("AfterSales.ISlaBucketGrain")]
internal interface ISlaBucketGrain : IGrainWithStringKey
{
    /// <summary>Stores the case's instant (replacing the one it held for the case); durable when it returns. Concurrent
    /// calls share one write.</summary>
    [AlwaysInterleave, Alias("Add")]
    Task AddAsync(SlaInstant due);

    /// <summary>Forgets the case's instant if it is still <paramref name="due"/> (one-way: an entry left behind only
    /// wakes the case for nothing).</summary>
    [AlwaysInterleave, OneWay, Alias("Remove")]
    Task RemoveAsync(SlaInstant due);

    /// <summary>What the reminder and the timer do: wakes every case whose instant has come, a bounded number at a time,
    /// and forgets those that answered. A case that failed stays for the next tick.</summary>
    [Alias("Tick")]
    Task<SlaTick> TickAsync();

    /// <summary>How many instants the bucket holds.</summary>
    [ReadOnly, AlwaysInterleave, Alias("Count")]
    Task<int> CountAsync();
}

/// <summary>A case's next SLA instant: a warning point or due time of one of its clocks.</summary>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaInstant")]
internal sealed record SlaInstant([property: Id(0)] string CaseNumber, [property: Id(1)] DateTimeOffset FireAt);

/// <summary>What one tick of a bucket did.</summary>
/// <param name="Due">Instants due at the tick.</param>
/// <param name="Woken">Cases that answered (their instants forgotten).</param>
/// <param name="Failed">Cases that failed to answer (kept for the next tick).</param>
/// <param name="Remaining">Instants the bucket holds after the tick.</param>
[GenerateSerializer, Immutable, Alias("AfterSales.Sla.SlaTick")]
internal sealed record SlaTick(
    [property: Id(0)] int Due,
    [property: Id(1)] int Woken,
    [property: Id(2)] int Failed,
    [property: Id(3)] int Remaining);
