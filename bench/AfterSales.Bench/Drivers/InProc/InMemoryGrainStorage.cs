using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>
/// Grain storage without I/O, for isolating the grains' own cost: state is serialized with the silo's grain-storage
/// serializer (the same cost the durable storage pays) and kept as bytes in a dictionary, with versioned ETags.
/// </summary>
/// <remarks>Orleans' memory storage would do, but it funnels every write through a handful of storage grains, an
/// extra message per write and a bottleneck of its own. It is a lifecycle participant only so it can replace a
/// provider whose registration subscribes the named storage to the silo lifecycle; it needs no start-up.</remarks>
internal sealed class InMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> _states = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Payload);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var payload = serializer.Serialize(grainState.State);
        var current = _states.GetValueOrDefault(key);
        CheckETag(current, grainState.ETag, stateName, grainId);
        var next = new StoredState(payload, (current?.Version ?? 0) + 1);
        var stored = current is null ? _states.TryAdd(key, next) : _states.TryUpdate(key, next, current);
        if (!stored)
        {
            throw new InconsistentStateException($"Concurrent write of {stateName} for {grainId}.");
        }
        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var current = _states.GetValueOrDefault(key);
        CheckETag(current, grainState.ETag, stateName, grainId);
        if (current is not null)
        {
            _states.TryRemove(new KeyValuePair<(string, GrainId), StoredState>(key, current));
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
    }

    private static void CheckETag(StoredState? current, string? expected, string stateName, GrainId grainId)
    {
        if (!string.Equals(current?.ETag, expected, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"ETag mismatch writing {stateName} for {grainId}: stored {current?.ETag ?? "none"}, expected {expected ?? "none"}.",
                current?.ETag ?? "none", expected ?? "none");
        }
    }

    private sealed record StoredState(BinaryData Payload, long Version)
    {
        public string ETag { get; } = Version.ToString(CultureInfo.InvariantCulture);
    }
}
