using AfterSales.Bench.Drivers.InProc;
using AfterSales.Bench.Stats;
using AfterSales.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Tests;

public sealed class GrainStorageCountingTests
{
    private static readonly GrainId Grain = GrainId.Create("case", "AS-2026-000001");

    [Fact]
    public async Task TheStorageGrainsGetIsWrappedAndCountsWritesWithTheirRowsAndEvents()
    {
        var inner = new RecordingStorage();
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGrainStorage>("main", (_, _) => new RecordingStorage());
        services.AddKeyedSingleton<IGrainStorage>("main", (_, _) => inner);
        services.CountGrainStorage("main");
        using var provider = services.BuildServiceProvider();

        var storage = Assert.IsType<CountingGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("main"));
        var state = new RowBacked();
        state.Notes.Set("1", "first note");
        state.Notes.Set("2", "second note");
        state.Journal.Append(new JournalEvent(Guid.CreateVersion7(), 1, DateTimeOffset.UnixEpoch, "bench", "note", "{}"));
        await storage.WriteStateAsync("case", Grain, new GrainState<RowBacked>(state));
        await storage.ReadStateAsync("case", Grain, new GrainState<RowBacked>(new RowBacked()));

        Assert.Same(inner, storage.Inner);
        Assert.Equal(["write case", "read case"], inner.Calls);
        Assert.Equal(new StateCounts(Writes: 1, Rows: 2, Events: 1, Reads: 1, Clears: 0, Failures: 0),
            provider.GetRequiredService<GrainStorageCounts>().Snapshot().ByState["case"]);
    }

    [Fact]
    public async Task AFailedWriteIsCountedAsAFailureNotAWrite()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGrainStorage>("main", (_, _) => new RecordingStorage { FailWrites = true });
        services.CountGrainStorage("main");
        using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredKeyedService<IGrainStorage>("main");

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("case", Grain, new GrainState<RowBacked>(new RowBacked())));

        Assert.Equal((0L, 1L), (provider.GetRequiredService<GrainStorageCounts>().Snapshot().ByState["case"].Writes,
            provider.GetRequiredService<GrainStorageCounts>().Snapshot().ByState["case"].Failures));
    }

    [Fact]
    public async Task TheEventLogAndTheSiloLifecycleResolvedFromTheSameRegistrationReachTheWrappedStorage()
    {
        // The hosts resolve both by casting the keyed storage, as Orleans does for the lifecycle.
        var inner = new RecordingStorage();
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGrainStorage>("main", (_, _) => inner);
        services.AddSingleton(p => (IEventLog)p.GetRequiredKeyedService<IGrainStorage>("main"));
        services.AddSingleton(p => (ILifecycleParticipant<ISiloLifecycle>)p.GetRequiredKeyedService<IGrainStorage>("main"));
        services.CountGrainStorage("main");
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEventLog>().ReadStreamAsync("case", "AS-2026-000001", 0, 10);
        provider.GetRequiredService<ILifecycleParticipant<ISiloLifecycle>>().Participate(new NoLifecycle());

        Assert.Equal(["read stream case/AS-2026-000001", "participate"], inner.Calls);
    }

    [Fact]
    public void WrappingANameWithoutStorageFailsAtOnce()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGrainStorage>("other", (_, _) => new RecordingStorage());

        Assert.Throws<InvalidOperationException>(() => services.CountGrainStorage("main"));
    }

    internal sealed class RowBacked : IRowBackedState
    {
        public StateRows<string> Notes { get; } = new("note");

        public EventJournal Journal { get; } = new("case");

        IReadOnlyList<IStateRows> IRowBackedState.RowSets => [Notes];

        EventJournal IRowBackedState.Journal => Journal;
    }

    private sealed class RecordingStorage : IGrainStorage, IEventLog, ILifecycleParticipant<ISiloLifecycle>
    {
        public List<string> Calls { get; } = [];

        public bool FailWrites { get; init; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Calls.Add($"read {stateName}");
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (FailWrites)
            {
                throw new InconsistentStateException("stale");
            }
            // A provider forgets what it stored.
            if (grainState.State is IRowBackedState rowBacked)
            {
                foreach (var set in rowBacked.RowSets)
                {
                    set.MarkWritten();
                }
                rowBacked.Journal?.MarkWritten();
            }
            Calls.Add($"write {stateName}");
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamType, string streamId, long afterSequence, int limit, CancellationToken cancellationToken = default)
        {
            Calls.Add($"read stream {streamType}/{streamId}");
            return Task.FromResult<IReadOnlyList<StoredEvent>>([]);
        }

        public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StoredEvent>>([]);

        public Task RewriteAsync(string streamType, string streamId, IReadOnlyList<EventRewrite> rewrites, CancellationToken cancellationToken = default)
        {
            Calls.Add($"rewrite {streamType}/{streamId}");
            return Task.CompletedTask;
        }

        public void Participate(ISiloLifecycle lifecycle) => Calls.Add("participate");
    }

    private sealed class NoLifecycle : ISiloLifecycle
    {
        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer) => throw new NotSupportedException();
    }
}
