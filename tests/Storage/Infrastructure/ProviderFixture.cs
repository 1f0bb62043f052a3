using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>One storage provider built directly (no silo) over data that outlives it: <see cref="OpenAsync"/> builds
/// another instance over the same data, as a restarted silo would, so a test can check what was really stored.</summary>
public abstract class ProviderFixture : IStorageUnderTest, IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private OpenProvider? _provider;

    public string ServiceId { get; } = $"svc-{Guid.NewGuid():N}";

    public IGrainStorage Storage => Provider.Storage;

    public IEventLog Events => Provider.Events;

    /// <summary>False when the provider's database is not configured (its tests skip).</summary>
    public virtual bool Available => true;

    protected Serializer Serializer => _services.GetRequiredService<Serializer>();

    protected OrleansGrainStorageSerializer StateSerializer => new(Serializer);

    private OpenProvider Provider => _provider ?? throw new InvalidOperationException("The provider did not start.");

    public async Task InitializeAsync()
    {
        if (Available)
        {
            await PrepareAsync();
            _provider = await OpenAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
        await CleanUpAsync();
        await _services.DisposeAsync();
    }

    /// <summary>A new provider instance over the stored data.</summary>
    public abstract Task<OpenProvider> OpenAsync();

    public abstract Task<long> CountRowsAsync(string stateName, string grainKey);

    /// <summary>How many item rows the store holds for this grain's state.</summary>
    public abstract Task<long> CountItemRowsAsync(string stateName, string grainKey);

    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}
