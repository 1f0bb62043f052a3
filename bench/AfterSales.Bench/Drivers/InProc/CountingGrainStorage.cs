using AfterSales.Bench.Stats;
using AfterSales.Persistence;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Drivers.InProc;

/// <summary>
/// Wraps the silo's grain storage and counts every call by state name, with the rows and journal events each write
/// carries, so a run can say how many durable writes one case costs and where they go. Everything else is the
/// wrapped provider's: the event log and the silo lifecycle are passed through, because the hosts resolve those from
/// the same keyed registration.
/// </summary>
internal sealed class CountingGrainStorage(IGrainStorage inner, GrainStorageCounts counts)
    : IGrainStorage, IEventLog, ILifecycleParticipant<ISiloLifecycle>
{
    public IGrainStorage Inner => inner;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Counted(stateName, () => inner.ReadStateAsync(stateName, grainId, grainState));
        counts.Read(stateName);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Counted before the write: a provider forgets the pending rows and events once it has stored them.
        var (rows, events) = grainState.State is IRowBackedState rowBacked
            ? (rowBacked.RowSets.Sum(set => set.PendingChanges.Count), rowBacked.Journal?.Pending.Count ?? 0)
            : (0, 0);
        await Counted(stateName, () => inner.WriteStateAsync(stateName, grainId, grainState));
        counts.Wrote(stateName, rows, events);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await Counted(stateName, () => inner.ClearStateAsync(stateName, grainId, grainState));
        counts.Cleared(stateName);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default) =>
        EventLog.ReadStreamAsync(streamType, streamId, afterSequence, limit, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default) =>
        EventLog.ReadAllAsync(afterPosition, limit, cancellationToken);

    public Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default) =>
        EventLog.RewriteAsync(streamType, streamId, rewrites, cancellationToken);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private IEventLog EventLog => inner as IEventLog
        ?? throw new NotSupportedException($"The wrapped grain storage ({inner.GetType().Name}) keeps no event log.");

    private async Task Counted(string stateName, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch
        {
            counts.Failed(stateName);
            throw;
        }
    }
}
