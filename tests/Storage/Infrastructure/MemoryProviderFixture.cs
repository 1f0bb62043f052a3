using AfterSales.Silo.Storage.Memory;

namespace AfterSales.Tests.Storage.Infrastructure;

/// <summary>The memory store the grain tests and in-process benchmarks use; a new instance over the same
/// <see cref="MemoryGrainData"/> is what another silo of an in-process cluster sees.</summary>
public sealed class MemoryProviderFixture : ProviderFixture
{
    private readonly MemoryGrainData _data = new();

    public override Task<OpenProvider> OpenAsync()
    {
        var store = new MemoryGrainStore(_data, StateSerializer);
        return Task.FromResult(new OpenProvider(store, store, () => ValueTask.CompletedTask));
    }

    public override Task<long> CountRowsAsync(string stateName, string grainKey)
    {
        lock (_data.Gate)
        {
            return Task.FromResult((long)_data.Records.Keys.Count(key => key.EndsWith($"/{grainKey}#{stateName}", StringComparison.Ordinal)));
        }
    }

    public override Task<long> CountItemRowsAsync(string stateName, string grainKey)
    {
        lock (_data.Gate)
        {
            return Task.FromResult((long)_data.Rows.Where(rows => rows.Key.EndsWith($"/{grainKey}#{stateName}", StringComparison.Ordinal)).Sum(rows => rows.Value.Count));
        }
    }
}
