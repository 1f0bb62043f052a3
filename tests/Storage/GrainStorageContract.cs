using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Orleans.Storage;

namespace AfterSales.Tests.Storage;

/// <summary>The behaviour every grain storage of the project must have, run against each flavour by the
/// <c>*StorageTests</c> classes.</summary>
internal static class GrainStorageContract
{
    private const string StateName = "probe";

    public static async Task WritesAndReadsBackStateWithAnETag(IStorageUnderTest fixture)
    {
        var id = NewGrainId();
        var written = new GrainState<ProbeState>(new ProbeState { Value = "first", Writes = 1 });

        await fixture.Storage.WriteStateAsync(StateName, id, written);

        Assert.False(string.IsNullOrEmpty(written.ETag));
        var read = await ReadAsync(fixture.Storage, id);
        Assert.True(read.RecordExists);
        Assert.Equal("first", read.State!.Value);
        Assert.Equal(1, read.State!.Writes);
        Assert.Equal(written.ETag, read.ETag);
    }

    public static async Task ReadsNothingForAStateNeverWritten(IStorageUnderTest fixture)
    {
        var read = await ReadAsync(fixture.Storage, NewGrainId());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State!.Value);
    }

    public static async Task UpdatesWithTheCurrentETagAndIssuesANewOne(IStorageUnderTest fixture)
    {
        var id = NewGrainId();
        var state = new GrainState<ProbeState>(new ProbeState { Value = "v1" });
        await fixture.Storage.WriteStateAsync(StateName, id, state);
        var firstETag = state.ETag;

        state.State!.Value = "v2";
        await fixture.Storage.WriteStateAsync(StateName, id, state);

        Assert.NotEqual(firstETag, state.ETag);
        var read = await ReadAsync(fixture.Storage, id);
        Assert.Equal("v2", read.State!.Value);
        Assert.Equal(state.ETag, read.ETag);
    }

    public static async Task RefusesAWriteWithAStaleETagAndKeepsTheNewerState(IStorageUnderTest fixture)
    {
        var id = NewGrainId();
        var current = new GrainState<ProbeState>(new ProbeState { Value = "v1" });
        await fixture.Storage.WriteStateAsync(StateName, id, current);
        var stale = new GrainState<ProbeState>(new ProbeState { Value = "stale" }, current.ETag);
        current.State!.Value = "v2";
        await fixture.Storage.WriteStateAsync(StateName, id, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, id, stale));

        Assert.Equal("v2", (await ReadAsync(fixture.Storage, id)).State!.Value);
    }

    public static async Task RefusesAFirstWriteWhenTheStateAlreadyExists(IStorageUnderTest fixture)
    {
        var id = NewGrainId();
        await fixture.Storage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Value = "winner" }));

        var late = new GrainState<ProbeState>(new ProbeState { Value = "late" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, id, late));

        Assert.Equal("winner", (await ReadAsync(fixture.Storage, id)).State!.Value);
    }

    public static async Task ClearsStateAndRefusesAStaleClear(IStorageUnderTest fixture)
    {
        var id = NewGrainId();
        var state = new GrainState<ProbeState>(new ProbeState { Value = "to clear" });
        await fixture.Storage.WriteStateAsync(StateName, id, state);
        var stale = new GrainState<ProbeState>(new ProbeState(), state.ETag);
        state.State!.Value = "newer";
        await fixture.Storage.WriteStateAsync(StateName, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.ClearStateAsync(StateName, id, stale));
        await fixture.Storage.ClearStateAsync(StateName, id, state);

        var read = await ReadAsync(fixture.Storage, id);
        Assert.False(read.RecordExists);
        Assert.Equal("", read.State!.Value);
        // Written again after the clear, with the ETag the clear issued.
        state.State!.Value = "again";
        await fixture.Storage.WriteStateAsync(StateName, id, state);
        Assert.Equal("again", (await ReadAsync(fixture.Storage, id)).State!.Value);
    }

    public static async Task LetsExactlyOneOfRacingFirstWritesInAndKeepsOneRow(IStorageUnderTest fixture)
    {
        var id = NewGrainId();
        const int racers = 8;
        var attempts = Enumerable.Range(0, racers).Select(async i =>
        {
            try
            {
                await fixture.Storage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Value = $"racer-{i}" }));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }).ToArray();

        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(1, await fixture.CountRowsAsync(StateName, id.Key.ToString()!));
        var winner = Array.IndexOf(outcomes, true);
        Assert.Equal($"racer-{winner}", (await ReadAsync(fixture.Storage, id)).State!.Value);
    }

    public static async Task CommitsManyConcurrentWritesToDistinctGrains(IStorageUnderTest fixture)
    {
        var ids = Enumerable.Range(0, 200).Select(_ => NewGrainId()).ToArray();

        await Task.WhenAll(ids.Select(id =>
            fixture.Storage.WriteStateAsync(StateName, id, new GrainState<ProbeState>(new ProbeState { Value = id.Key.ToString()! }))));

        foreach (var id in ids)
        {
            Assert.Equal(id.Key.ToString(), (await ReadAsync(fixture.Storage, id)).State!.Value);
        }
    }

    private static async Task<GrainState<ProbeState>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<ProbeState>(new ProbeState { Value = "not read" });
        await storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    private static GrainId NewGrainId() => GrainId.Create("probe", $"g-{Guid.NewGuid():N}");
}
