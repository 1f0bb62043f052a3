namespace AfterSales.CaseList;

/// <summary>The consumer of one partition of the case-event stream (key: <c>p00</c>…<c>p15</c>): applies its cases'
/// events to the case list in order, catches up from the journal, keeps the checkpoint.</summary>
[Alias("AfterSales.CaseList.ICaseFeedGrain")]
internal interface ICaseFeedGrain : IGrainWithStringKey
{
    /// <summary>Follows the journal up to its head now; answers the partition's checkpoint.</summary>
    [Alias("CatchUp")]
    Task<long> CatchUpAsync();

    /// <summary>Forgets the partition's rows and checkpoint; the partition then replays the journal from the start.</summary>
    [Alias("Reset")]
    Task ResetAsync();

    /// <summary>Activates the consumer (its timer and reminder then keep it following).</summary>
    [OneWay, Alias("Wake")]
    Task WakeAsync();
}
