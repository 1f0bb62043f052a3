namespace AfterSales.Tests.Storage.Probes;

/// <summary>A grain with a row-backed state, to observe rows and the journal through Orleans.</summary>
[Alias("AfterSales.Tests.Storage.IRowProbeGrain")]
public interface IRowProbeGrain : IGrainWithStringKey
{
    [Alias("SetItem")] Task SetItemAsync(string key, string text);
    [Alias("RemoveItem")] Task RemoveItemAsync(string key);
    [Alias("GetItems")] Task<string[]> GetItemsAsync();
}
