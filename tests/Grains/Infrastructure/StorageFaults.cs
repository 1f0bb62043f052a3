using System.Collections.Concurrent;
using Orleans.Storage;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Writes a test wants to fail, by grain: the next write of a listed grain throws (as a crash between a
/// grain's calls and its write would leave things), once per listing. Owned by the cluster fixture.</summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<GrainId, int> _failures = new();

    /// <summary>Makes the next write of <paramref name="grain"/> fail.</summary>
    public void FailNextWrite(GrainId grain) => _failures.AddOrUpdate(grain, 1, (_, n) => n + 1);

    internal bool TakeFailure(GrainId grain) =>
        _failures.TryGetValue(grain, out var left) && left > 0 && _failures.TryUpdate(grain, left - 1, left);
}

/// <summary>Grain storage that fails the writes <see cref="StorageFaults"/> lists and passes everything else on.</summary>
internal sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.TakeFailure(grainId)
            ? Task.FromException(new IOException($"Injected write failure for {grainId}."))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
