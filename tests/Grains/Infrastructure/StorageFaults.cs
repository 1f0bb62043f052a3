using System.Collections.Concurrent;
using Orleans.Storage;

namespace AfterSales.Tests.Grains.Infrastructure;

/// <summary>Writes a test wants to fail, by grain: the next write of a listed grain throws (as a crash between a
/// grain's calls and its write would leave things), once per listing. Owned by the cluster fixture.</summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<GrainId, int> _failures = new();
    private readonly ConcurrentDictionary<Func<object?, bool>, bool> _matches = new();

    /// <summary>Makes the next write of <paramref name="grain"/> fail.</summary>
    public void FailNextWrite(GrainId grain) => _failures.AddOrUpdate(grain, 1, (_, n) => n + 1);

    /// <summary>Makes the next write of a state that <paramref name="match"/> picks fail (for a grain whose key the test
    /// cannot know beforehand, e.g. a case a device opens under a number it allocates itself).</summary>
    public void FailNextWrite(Func<object?, bool> match) => _matches[match] = true;

    internal bool TakeFailure(GrainId grain, object? state) =>
        (_failures.TryGetValue(grain, out var left) && left > 0 && _failures.TryUpdate(grain, left - 1, left))
        || _matches.Keys.Any(match => match(state) && _matches.TryRemove(match, out _));
}

/// <summary>Grain storage that fails the writes <see cref="StorageFaults"/> lists and passes everything else on.</summary>
internal sealed class FaultyGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        faults.TakeFailure(grainId, grainState.State)
            ? Task.FromException(new IOException($"Injected write failure for {grainId}."))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
