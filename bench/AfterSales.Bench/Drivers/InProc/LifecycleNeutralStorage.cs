using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>Wraps memory grain storage so it can stand in for a provider that the host registered as a silo
/// lifecycle participant (the embedded SQLite storage is one: its registration resolves the named storage and
/// subscribes it to the silo lifecycle). Memory storage needs no start-up, so it takes part in no stage.</summary>
internal sealed class LifecycleNeutralStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle)
    {
    }
}
