using System.Text.Json.Nodes;
using AfterSales.Persistence;
using AfterSales.Tests.Storage.Infrastructure;
using AfterSales.Tests.Storage.Probes;
using Orleans.Storage;

namespace AfterSales.Tests.Storage;

/// <summary>What every provider of the row-backed contract must do — the memory store, SQLite and PostgreSQL — run
/// against each by the <c>*RowStorageTests</c> classes. Reads that prove something was stored go through a new
/// provider instance over the same data, as after a restart.</summary>
internal static class RowBackedStorageContract
{
    private const string StateName = "rowprobe";

    public static async Task StoresRowsItemByItemAndLoadsThemIntoANewInstance(ProviderFixture fixture)
    {
        var id = NewGrainId();
        var state = new GrainState<RowProbeState>(new RowProbeState { Title = "first" });
        state.State!.Items.Set("a", new RowProbeItem("apple"));
        state.State.Items.Set("b", new RowProbeItem("banana"));
        state.State.Items.Set("c", new RowProbeItem("cherry"));
        state.State.Notes.Set("a", new RowProbeItem("a note under the same key"));
        await fixture.Storage.WriteStateAsync(StateName, id, state);
        Assert.Empty(state.State.Items.PendingChanges);
        Assert.Empty(state.State.Notes.PendingChanges);

        state.State.Title = "second";
        state.State.Items.Set("b", new RowProbeItem("blueberry"));
        state.State.Items.Remove("c");
        state.State.Items.Set("d", new RowProbeItem("date"));
        await fixture.Storage.WriteStateAsync(StateName, id, state);

        await using var restarted = await fixture.OpenAsync();
        var read = await ReadAsync(restarted.Storage, id);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal("second", read.State!.Title);
        Assert.Equal(["a=apple", "b=blueberry", "d=date"], Describe(read.State.Items));
        Assert.Equal(["a=a note under the same key"], Describe(read.State.Notes));
        Assert.Empty(read.State.Items.PendingChanges);
        Assert.Equal(4, await fixture.CountItemRowsAsync(StateName, id.Key.ToString()!));

        // The new instance carries on from what it read.
        read.State.Items.Remove("a");
        await restarted.Storage.WriteStateAsync(StateName, id, read);
        await using var again = await fixture.OpenAsync();
        Assert.Equal(["b=blueberry", "d=date"], Describe((await ReadAsync(again.Storage, id)).State!.Items));
    }

    public static async Task AppendsEventsWithTheRecordAndReadsThemPerStreamAndGloballyInOrder(ProviderFixture fixture)
    {
        var first = NewGrainId();
        var second = NewGrainId();
        var a = new GrainState<RowProbeState>(new RowProbeState());
        var b = new GrainState<RowProbeState>(new RowProbeState());
        var a1 = a.State!.Record("opened", """{"subject":"pump","priority":2}""");
        var a2 = a.State.Record("assigned", """{"technician":"T-1"}""");
        await fixture.Storage.WriteStateAsync(StateName, first, a);
        var b1 = b.State!.Record("opened");
        await fixture.Storage.WriteStateAsync(StateName, second, b);
        var a3 = a.State.Record("resolved", """{"summary":"seal replaced","notes":["one","two"]}""");
        await fixture.Storage.WriteStateAsync(StateName, first, a);
        Assert.Empty(a.State.Journal.Pending);

        await using var restarted = await fixture.OpenAsync();
        var stream = await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(first), afterSequence: 0, limit: 100);
        AssertEvents([a1, a2, a3], stream, first);
        Assert.True(stream[0].Position < stream[1].Position && stream[1].Position < stream[2].Position);
        AssertEvents([a2], await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(first), afterSequence: 1, limit: 1), first);
        Assert.Empty(await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(first), afterSequence: 3, limit: 10));

        var all = (await restarted.Events.ReadAllAsync(afterPosition: 0, limit: 100_000))
            .Where(e => e.StreamId == Key(first) || e.StreamId == Key(second)).ToArray();
        Assert.Equal([a1.EventId, a2.EventId, b1.EventId, a3.EventId], all.Select(e => e.Event.EventId));
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        var afterA2 = await restarted.Events.ReadAllAsync(afterPosition: stream[1].Position, limit: 2);
        Assert.Equal([b1.EventId, a3.EventId], afterA2.Where(e => all.Any(mine => mine.Event.EventId == e.Event.EventId)).Select(e => e.Event.EventId));
    }

    public static async Task RewritesTheDataOfChosenEventsOfOneStreamAndKeepsEverythingElse(ProviderFixture fixture)
    {
        var erased = NewGrainId();
        var other = NewGrainId();
        var a = new GrainState<RowProbeState>(new RowProbeState());
        var b = new GrainState<RowProbeState>(new RowProbeState());
        var a1 = a.State!.Record("opened", """{"subject":"Mr Chen's pump"}""");
        var a2 = a.State.Record("assigned", """{"technician":"T-1"}""");
        var a3 = a.State.Record("resolved", """{"summary":"called Mr Chen"}""");
        await fixture.Storage.WriteStateAsync(StateName, erased, a);
        var b1 = b.State!.Record("opened", """{"subject":"Mr Chen's pump"}""");
        await fixture.Storage.WriteStateAsync(StateName, other, b);
        var before = await fixture.Events.ReadStreamAsync(RowProbeState.StreamType, Key(erased), 0, 100);

        // Sequence 9 is not in the stream: skipped, not an error.
        await fixture.Events.RewriteAsync(RowProbeState.StreamType, Key(erased),
            [new EventRewrite(1, """{"subject":"[erased]"}"""), new EventRewrite(3, """{"summary":"[erased]"}"""), new EventRewrite(9, "{}")]);

        await using var restarted = await fixture.OpenAsync();
        var stream = await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(erased), 0, 100);
        Assert.Equal([a1.EventId, a2.EventId, a3.EventId], stream.Select(e => e.Event.EventId));
        Assert.Equal(before.Select(e => (e.Position, e.Event.Sequence, e.Event.At, e.Event.Actor, e.Event.Kind)),
            stream.Select(e => (e.Position, e.Event.Sequence, e.Event.At, e.Event.Actor, e.Event.Kind)));
        Assert.Equal(["[erased]", "T-1", "[erased]"], stream.Select(e => FirstValue(e.Event.Data)));
        var global = (await restarted.Events.ReadAllAsync(0, 100_000)).Where(e => e.StreamId == Key(erased)).ToArray();
        Assert.Equal(["[erased]", "T-1", "[erased]"], global.Select(e => FirstValue(e.Event.Data)));
        var untouched = Assert.Single(await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(other), 0, 100));
        Assert.Equal((b1.EventId, "Mr Chen's pump"), (untouched.Event.EventId, FirstValue(untouched.Event.Data)));

        // The stream goes on after a rewrite: its next event follows the same sequence.
        var read = await ReadAsync(restarted.Storage, erased);
        var a4 = read.State!.Record("closed");
        await restarted.Storage.WriteStateAsync(StateName, erased, read);
        Assert.Equal(a4.EventId, (await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(erased), 3, 10))[0].Event.EventId);
    }

    private static string? FirstValue(string data) => JsonNode.Parse(data)!.AsObject().First().Value!.GetValue<string>();

    public static async Task ARefusedWriteAppliesNeitherItsRowsNorItsEvents(ProviderFixture fixture)
    {
        var id = NewGrainId();
        var current = new GrainState<RowProbeState>(new RowProbeState());
        current.State!.Items.Set("a", new RowProbeItem("kept"));
        var first = current.State.Record("opened");
        await fixture.Storage.WriteStateAsync(StateName, id, current);
        // A second activation that read the same version, and writes after the first one moved on.
        var stale = new GrainState<RowProbeState>(new RowProbeState { LastSequence = 1 }, current.ETag);
        stale.State!.Items.Set("s", new RowProbeItem("from the stale writer"));
        stale.State.Items.Remove("a");
        stale.State.Record("stale");
        current.State.Items.Set("b", new RowProbeItem("current"));
        var second = current.State.Record("assigned");
        await fixture.Storage.WriteStateAsync(StateName, id, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, id, stale));

        Assert.NotEmpty(stale.State.Journal.Pending);
        await using var restarted = await fixture.OpenAsync();
        var read = await ReadAsync(restarted.Storage, id);
        Assert.Equal(current.ETag, read.ETag);
        Assert.Equal(["a=kept", "b=current"], Describe(read.State!.Items));
        AssertEvents([first, second], await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(id), 0, 100), id);
    }

    public static async Task RefusesEventsThatRepeatASequenceOrAnIdOrLeaveAGap(ProviderFixture fixture)
    {
        var id = NewGrainId();
        var state = new GrainState<RowProbeState>(new RowProbeState());
        state.State!.Items.Set("a", new RowProbeItem("first"));
        var first = state.State.Record("opened");
        await fixture.Storage.WriteStateAsync(StateName, id, state);

        await RefusedAsync(fixture, id, state.ETag, s => s.RecordAt(1, "again"));
        await RefusedAsync(fixture, id, state.ETag, s => s.RecordAt(3, "gap"));
        await RefusedAsync(fixture, id, state.ETag, s => s.RecordAt(2, "same id", eventId: first.EventId));

        await using var restarted = await fixture.OpenAsync();
        var read = await ReadAsync(restarted.Storage, id);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(["a=first"], Describe(read.State!.Items));
        AssertEvents([first], await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(id), 0, 100), id);
        // The stream still takes its next event.
        var second = read.State.Record("assigned");
        await restarted.Storage.WriteStateAsync(StateName, id, read);
        AssertEvents([first, second], await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(id), 0, 100), id);
    }

    public static async Task ClearRemovesTheRecordAndItsRowsButKeepsItsEvents(ProviderFixture fixture)
    {
        var id = NewGrainId();
        var state = new GrainState<RowProbeState>(new RowProbeState { Title = "to clear" });
        state.State!.Items.Set("a", new RowProbeItem("gone with the clear"));
        state.State.Notes.Set("n", new RowProbeItem("gone too"));
        var opened = state.State.Record("opened");
        var closed = state.State.Record("closed");
        await fixture.Storage.WriteStateAsync(StateName, id, state);

        await fixture.Storage.ClearStateAsync(StateName, id, state);

        await using var restarted = await fixture.OpenAsync();
        var read = await ReadAsync(restarted.Storage, id);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Empty(read.State!.Items.Keys);
        Assert.Empty(read.State.Notes.Keys);
        Assert.Equal(0, await fixture.CountItemRowsAsync(StateName, id.Key.ToString()!));
        AssertEvents([opened, closed], await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(id), 0, 100), id);
    }

    public static async Task CommitsTheOtherWritesWhenOneAmongThemIsRefused(ProviderFixture fixture)
    {
        var victim = NewGrainId();
        var current = new GrainState<RowProbeState>(new RowProbeState());
        current.State!.Record("opened");
        await fixture.Storage.WriteStateAsync(StateName, victim, current);
        var stale = new GrainState<RowProbeState>(new RowProbeState { LastSequence = 1 }, current.ETag);
        stale.State!.Record("stale");
        current.State.Record("moved on");
        await fixture.Storage.WriteStateAsync(StateName, victim, current);
        var (others, writes) = StartFiftyFirstWrites(fixture);

        var refused = Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, victim, stale));
        await Task.WhenAll(writes);
        await refused;

        await using var restarted = await fixture.OpenAsync();
        await AssertStoredAsync(restarted, others);
        Assert.Equal(["opened", "moved on"], (await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(victim), 0, 10)).Select(e => e.Event.Kind));
    }

    /// <summary>A write that repeats an event id fails by an error of the database, not by its own conditions; where
    /// writes share a transaction, that error takes the others' statements with it, and they must be applied anyway.</summary>
    public static async Task FailsOnlyTheWriteThatRepeatsAnEventIdAmongConcurrentWrites(ProviderFixture fixture)
    {
        var owner = NewGrainId();
        var stored = new GrainState<RowProbeState>(new RowProbeState());
        var taken = stored.State!.Record("opened");
        await fixture.Storage.WriteStateAsync(StateName, owner, stored);
        var copier = NewGrainId();
        var copy = new GrainState<RowProbeState>(new RowProbeState { Title = "copy" });
        copy.State!.Items.Set("only", new RowProbeItem("never stored"));
        copy.State.Record("opened", eventId: taken.EventId);
        var (others, writes) = StartFiftyFirstWrites(fixture);

        var refused = Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, copier, copy));
        await Task.WhenAll(writes);
        await refused;

        await using var restarted = await fixture.OpenAsync();
        await AssertStoredAsync(restarted, others);
        Assert.False((await ReadAsync(restarted.Storage, copier)).RecordExists);
        Assert.Empty(await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(copier), 0, 10));
    }

    /// <summary>First writes of fifty new grains, each with one row and one event, all under way at once.</summary>
    private static (GrainId[] Ids, List<Task> Writes) StartFiftyFirstWrites(ProviderFixture fixture)
    {
        var ids = Enumerable.Range(0, 50).Select(_ => NewGrainId()).ToArray();
        return (ids, [.. ids.Select(id =>
        {
            var state = new GrainState<RowProbeState>(new RowProbeState { Title = Key(id) });
            state.State!.Items.Set("only", new RowProbeItem(Key(id)));
            state.State.Record("opened");
            return fixture.Storage.WriteStateAsync(StateName, id, state);
        })]);
    }

    private static async Task AssertStoredAsync(OpenProvider restarted, GrainId[] ids)
    {
        foreach (var id in ids)
        {
            var read = await ReadAsync(restarted.Storage, id);
            Assert.Equal([$"only={Key(id)}"], Describe(read.State!.Items));
            Assert.Single(await restarted.Events.ReadStreamAsync(RowProbeState.StreamType, Key(id), 0, 10));
        }
    }

    private static async Task RefusedAsync(ProviderFixture fixture, GrainId id, string? etag, Action<RowProbeState> record)
    {
        var attempt = new GrainState<RowProbeState>(new RowProbeState { Title = "refused" }, etag);
        attempt.State!.Items.Set("a", new RowProbeItem("refused"));
        attempt.State.Items.Set("x", new RowProbeItem("refused"));
        record(attempt.State);
        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, id, attempt));
    }

    private static void AssertEvents(JournalEvent[] expected, IReadOnlyList<StoredEvent> actual, GrainId stream)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(RowProbeState.StreamType, actual[i].StreamType);
            Assert.Equal(Key(stream), actual[i].StreamId);
            // PostgreSQL's jsonb keeps the JSON, not its spelling.
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i].Data), JsonNode.Parse(actual[i].Event.Data)), actual[i].Event.Data);
            Assert.Equal(expected[i], actual[i].Event with { Data = expected[i].Data });
        }
    }

    private static string[] Describe(StateRows<RowProbeItem> rows) =>
        [.. rows.Keys.Order(StringComparer.Ordinal).Select(key => $"{key}={rows[key].Text}")];

    private static async Task<GrainState<RowProbeState>> ReadAsync(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<RowProbeState>(new RowProbeState { Title = "not read" });
        await storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    private static string Key(GrainId id) => id.Key.ToString()!;

    private static GrainId NewGrainId() => GrainId.Create("rowprobe", $"r-{Guid.NewGuid():N}");
}
