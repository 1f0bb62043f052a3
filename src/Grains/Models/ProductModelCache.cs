using System.Collections.Concurrent;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Models;

/// <summary>
/// The silo's copies of product models, so opening and routing a case about a device never calls the device's model
/// grain: a popular model would otherwise sit on every case's path. A copy answers while it is younger than
/// <see cref="EquipmentOptions.ModelRefreshInterval"/>; the first read after that fetches the model once for every
/// waiting reader (and keeps the old copy if the fetch fails). A change made through a model grain reaches that
/// grain's silo at once (<see cref="Observe"/>); other silos see it within one refresh interval. A model that does
/// not exist is not remembered, so one defined a moment ago is found at once.
/// </summary>
internal sealed class ProductModelCache(
    IGrainFactory grains,
    IOptions<EquipmentOptions> options,
    TimeProvider time,
    ILogger<ProductModelCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<ProductModel?>>> _fetches = new(StringComparer.Ordinal);

    /// <summary>The model, or null when no model has the code.</summary>
    public ValueTask<ProductModel?> GetAsync(string code)
    {
        if (_entries.TryGetValue(code, out var entry) && time.GetUtcNow() - entry.FetchedAt < options.Value.ModelRefreshInterval)
        {
            return ValueTask.FromResult<ProductModel?>(entry.Model);
        }
        return new ValueTask<ProductModel?>(RefreshOrKeepAsync(code, entry?.Model));
    }

    /// <summary>Fetches the model now, joining a fetch already under way (also used by tests after a change on
    /// another silo).</summary>
    public Task<ProductModel?> RefreshAsync(string code)
    {
        return _fetches.GetOrAdd(code, key => new Lazy<Task<ProductModel?>>(() => FetchAsync(key))).Value;
    }

    /// <summary>Takes a model seen elsewhere (its grain after a change) unless the copy is newer.</summary>
    public void Observe(ProductModel model)
    {
        var now = time.GetUtcNow();
        _entries.AddOrUpdate(model.Code, _ => new Entry(model, now),
            (_, held) => model.Version >= held.Model.Version ? new Entry(model, now) : held);
    }

    private async Task<ProductModel?> RefreshOrKeepAsync(string code, ProductModel? current)
    {
        if (current is null)
        {
            return await RefreshAsync(code);
        }
        try
        {
            return await RefreshAsync(code);
        }
        catch (Exception exception)
        {
            // A stale model routes better than none; the next read after another interval tries again.
            logger.ModelRefreshFailed(exception, code, current.Version);
            Observe(current);
            return current;
        }
    }

    private async Task<ProductModel?> FetchAsync(string code)
    {
        try
        {
            var fetched = await grains.GetGrain<IProductModelGrain>(code).GetAsync();
            if (fetched is null)
            {
                return null;
            }
            Observe(fetched);
            return _entries.TryGetValue(code, out var entry) ? entry.Model : fetched;
        }
        finally
        {
            _fetches.TryRemove(code, out _);
        }
    }

    private sealed record Entry(ProductModel Model, DateTimeOffset FetchedAt);
}
