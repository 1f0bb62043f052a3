using AfterSales.Common;

namespace AfterSales.Models;

/// <summary>The list of product models, fed by the model grains after each definition. Only the listing endpoint reads
/// it; it awaits no other grain.</summary>
internal sealed class ProductModelCatalogGrain(
    [PersistentState("productModelCatalogue", StorageNames.Main)] IPersistentState<ProductModelCatalogState> state)
    : Grain, IProductModelCatalogGrain
{
    // The codes in ordinal order, for paging; rebuilt from the rows on activation.
    private readonly SortedSet<string> _codes = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _codes.UnionWith(state.State.Models.Keys);
        return Task.CompletedTask;
    }

    public async Task OnDefinedAsync(ProductModelSummary summary)
    {
        if (state.State.Models.TryGetValue(summary.Code, out var listed) && listed.Version >= summary.Version)
        {
            return;
        }
        state.State.Models.Set(summary.Code, summary);
        await state.WriteOrResetAsync(this);
        _codes.Add(summary.Code);
    }

    public Task<ProductModelPage> ListAsync(string? afterCode, int limit)
    {
        limit = Math.Clamp(limit, 1, ProductModelLimits.PageMax);
        IEnumerable<string> codes = afterCode is null ? _codes
            : _codes.Max is { } last && string.CompareOrdinal(afterCode, last) < 0 ? _codes.GetViewBetween(afterCode, last) : [];
        var page = codes.Where(code => afterCode is null || string.CompareOrdinal(code, afterCode) > 0).Take(limit + 1).ToList();
        var models = page.Take(limit).Select(code => state.State.Models[code]).ToArray();
        return Task.FromResult(new ProductModelPage([.. models], page.Count > limit));
    }
}
