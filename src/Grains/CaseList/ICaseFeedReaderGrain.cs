namespace AfterSales.CaseList;

/// <summary>Reads the journal once for all partitions of the case feed and hands each partition its cases' events
/// (key: <see cref="Key"/>).</summary>
[Alias("AfterSales.CaseList.ICaseFeedReaderGrain")]
internal interface ICaseFeedReaderGrain : IGrainWithStringKey
{
    /// <summary>The one reader's key.</summary>
    const string Key = "journal";

    /// <summary>Activates the reader (its timer then keeps the partitions caught up).</summary>
    [OneWay, Alias("Wake")]
    Task WakeAsync();

    /// <summary>Reads the partitions' checkpoints again (after a reset) and catches them up now.</summary>
    [Alias("Refresh")]
    Task RefreshAsync();
}
