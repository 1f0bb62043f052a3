namespace AfterSales.CaseList;

/// <summary>The consumer of one partition of the case-event stream (key: <c>p00</c>…<c>p15</c>): applies its cases'
/// events to the case list in order, catches up from the journal, keeps the checkpoint.</summary>
[Alias("AfterSales.CaseList.ICaseFeedGrain")]
internal interface ICaseFeedGrain : IGrainWithStringKey
{
    /// <summary>Follows the journal up to its head now, reading it itself; answers the partition's checkpoint.</summary>
    [Alias("CatchUp")]
    Task<long> CatchUpAsync();

    /// <summary>Applies the partition's events of a journal page the reader read (every event of the partition with a
    /// position up to <paramref name="readUpTo"/> above the checkpoint less the overlap); answers the checkpoint.</summary>
    [Alias("ApplyPage")]
    Task<long> ApplyPageAsync(System.Collections.Immutable.ImmutableArray<CatchUpEvent> events, long readUpTo);

    /// <summary>The partition's checkpoint.</summary>
    [Alias("GetCheckpoint")]
    Task<long> GetCheckpointAsync();

    /// <summary>Forgets the partition's rows and checkpoint; the partition then replays the journal from the start.</summary>
    [Alias("Reset")]
    Task ResetAsync();

    /// <summary>Activates the consumer (its reminder then keeps the catch-up reader alive).</summary>
    [OneWay, Alias("Wake")]
    Task WakeAsync();
}
