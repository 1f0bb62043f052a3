using AfterSales.Bench.Drivers.InProc;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace AfterSales.Bench.Tests;

public sealed class InMemoryGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("counter", "a");

    [Fact]
    public async Task AWrittenStateIsReadBackWithItsETag()
    {
        var storage = new InMemoryGrainStorage(new JsonTextSerializer());
        var written = new GrainState<Counter>(new Counter { Value = 7 });

        await storage.WriteStateAsync("counter", Grain, written);
        var read = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("counter", Grain, read);

        Assert.Equal((7, true, written.ETag), (read.State!.Value, read.RecordExists, read.ETag));
    }

    [Fact]
    public async Task AWriteWithAStaleETagIsRefused()
    {
        var storage = new InMemoryGrainStorage(new JsonTextSerializer());
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("counter", Grain, first);
        await storage.WriteStateAsync("counter", Grain, first);

        var stale = new GrainState<Counter>(new Counter { Value = 2 }) { ETag = "1" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", Grain, stale));
    }

    [Fact]
    public async Task ClearedStateReadsAsMissing()
    {
        var storage = new InMemoryGrainStorage(new JsonTextSerializer());
        var state = new GrainState<Counter>(new Counter { Value = 3 });
        await storage.WriteStateAsync("counter", Grain, state);

        await storage.ClearStateAsync("counter", Grain, state);
        var read = new GrainState<Counter>(new Counter());
        await storage.ReadStateAsync("counter", Grain, read);

        Assert.Equal((0, false, (string?)null), (read.State!.Value, read.RecordExists, read.ETag));
    }

    internal sealed class Counter
    {
        public int Value { get; set; }
    }

    private sealed class JsonTextSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

        public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>()!;
    }
}
