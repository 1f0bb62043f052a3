namespace AfterSales.Tests.Storage.Probes;

public sealed class RowProbeGrain([PersistentState("rowprobe", StorageNames.Main)] IPersistentState<RowProbeState> state)
    : Grain, IRowProbeGrain
{
    public async Task SetItemAsync(string key, string text)
    {
        state.State.Items.Set(key, new RowProbeItem(text));
        state.State.Record("item-set");
        await state.WriteStateAsync();
    }

    public async Task RemoveItemAsync(string key)
    {
        state.State.Items.Remove(key);
        state.State.Record("item-removed");
        await state.WriteStateAsync();
    }

    public Task<string[]> GetItemsAsync() =>
        Task.FromResult(state.State.Items.Keys.Order(StringComparer.Ordinal).Select(key => $"{key}={state.State.Items[key].Text}").ToArray());
}
