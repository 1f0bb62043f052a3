using AfterSales.Silo.Storage.Postgres;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;

namespace AfterSales.Tests.Storage;

/// <summary>The row-backed storage contract against the cluster silo's PostgreSQL storage.</summary>
public sealed class PostgresRowStorageTests(PostgresProviderFixture fixture) : IClassFixture<PostgresProviderFixture>
{
    [PostgresFact] public Task StoresRowsItemByItemAndLoadsThemIntoANewInstance() => RowBackedStorageContract.StoresRowsItemByItemAndLoadsThemIntoANewInstance(fixture);
    [PostgresFact] public Task AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder() => RowBackedStorageContract.AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder(fixture);
    [PostgresFact] public Task RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse() => RowBackedStorageContract.RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse(fixture);
    [PostgresFact] public Task ARefusedWriteAppliesNeitherItsRowsNorItsEvents() => RowBackedStorageContract.ARefusedWriteAppliesNeitherItsRowsNorItsEvents(fixture);
    [PostgresFact] public Task RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap() => RowBackedStorageContract.RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap(fixture);
    [PostgresFact] public Task ClearRemovesTheRecordAndItsRowsButKeepsItsEvents() => RowBackedStorageContract.ClearRemovesTheRecordAndItsRowsButKeepsItsEvents(fixture);
    [PostgresFact] public Task CommitsTheOtherWritesWhenOneAmongThemIsRefused() => RowBackedStorageContract.CommitsTheOtherWritesWhenOneAmongThemIsRefused(fixture);
    [PostgresFact] public Task FailsOnlyTheWriteThatRepeatsAnEventIdAmongConcurrentWrites() => RowBackedStorageContract.FailsOnlyTheWriteThatRepeatsAnEventIdAmongConcurrentWrites(fixture);

    /// <summary>Concurrent writes of different grains share batches (fewer round trips and commits than writes), and
    /// each still gets its own version.</summary>
    [PostgresFact]
    public async Task ConcurrentWritesOfManyGrainsShareBatchesAndEachGetsItsOwnVersion()
    {
        var storage = (PostgresGrainStorage)fixture.Storage;
        var before = storage.WriteBatches;
        var states = Enumerable.Range(0, 200).Select(i => (Id: GrainId.Create("rowprobe", $"batch-{Guid.NewGuid():N}"), State: new GrainState<RowProbeState>(new RowProbeState { Title = $"t{i}" }))).ToArray();
        foreach (var (_, state) in states)
        {
            state.State!.Items.Set("only", new RowProbeItem(state.State.Title));
            state.State.Record("opened");
        }
        await Task.WhenAll(states.Select(s => storage.WriteStateAsync("rowprobe", s.Id, s.State)));
        foreach (var (_, state) in states)
        {
            state.State!.Title += " again";
            state.State.Record("changed");
        }
        await Task.WhenAll(states.Select(s => storage.WriteStateAsync("rowprobe", s.Id, s.State)));

        var after = storage.WriteBatches;
        Assert.Equal(400, after.Statements - before.Statements);
        Assert.True(after.Batches - before.Batches < 400, $"{after.Batches - before.Batches} batches for 400 writes");
        Assert.All(states, s => Assert.Equal("2", s.State.ETag));
        await using var restarted = await fixture.OpenAsync();
        foreach (var (id, state) in states)
        {
            var read = new GrainState<RowProbeState>(new RowProbeState());
            await restarted.Storage.ReadStateAsync("rowprobe", id, read);
            Assert.Equal(state.State!.Title, read.State!.Title);
            Assert.Equal(["opened", "changed"], (await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, id.Key.ToString()!, 0, 10)).Select(e => e.Event.Kind));
        }
    }
}
