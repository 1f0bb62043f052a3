using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>One running silo per test class, configured for one storage flavour; its grain storage
/// (<see cref="StorageNames.Main"/>) is driven directly by the contract tests.</summary>
public abstract class StorageFixture : IStorageUnderTest, IAsyncLifetime
{
    private IHost? _host;

    public string ServiceId { get; } = $"svc-{Guid.NewGuid():N}";

    public IHost Host => _host ?? throw new InvalidOperationException("The silo did not start.");

    public IGrainStorage Storage => Host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Main);

    /// <summary>False when the flavour's database is not configured (its tests skip).</summary>
    protected virtual bool Available => true;

    public async Task InitializeAsync()
    {
        if (Available)
        {
            _host = await StartHostAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await TestHosts.StopAsync(_host);
        }
        await CleanUpAsync();
    }

    /// <summary>How many rows the database holds for this grain's state (tombstones included).</summary>
    public abstract Task<long> CountRowsAsync(string stateName, string grainKey);

    protected abstract Task<IHost> StartHostAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}
