using AfterSales.Persistence;

namespace AfterSales.Silo.Storage.Memory;

/// <summary>What a <see cref="MemoryGrainStore"/> holds: state records, rows and the event journal, as serialized
/// bytes. One instance may back several silos of one process (an in-process test cluster), so a grain that moves
/// between them reads what it wrote. Thread-safe through one lock: it is for tests and benchmarks, not production.</summary>
public sealed class MemoryGrainData
{
    internal readonly object Gate = new();

    internal Dictionary<string, StoredRecord> Records { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, Dictionary<(string Collection, string Key), byte[]>> Rows { get; } = new(StringComparer.Ordinal);

    internal List<StoredEvent> Events { get; } = [];

    internal Dictionary<(string StreamType, string StreamId), List<StoredEvent>> Streams { get; } = [];

    internal HashSet<Guid> EventIds { get; } = [];

    /// <summary>How many events were appended in all.</summary>
    public int EventCount
    {
        get
        {
            lock (Gate)
            {
                return Events.Count;
            }
        }
    }

    internal sealed record StoredRecord(long Version, byte[]? Payload);
}
