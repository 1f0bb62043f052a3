using System.Collections.Concurrent;

namespace AfterSales.Bench.Stats;

/// <summary>Counts grain-storage calls by state name (each grain type has its own: <c>case</c>, <c>technician</c>,
/// <c>department</c>…): writes with the rows and journal events they carried, reads, clears and failed calls.
/// Thread-safe; a phase is counted by subtracting the snapshot taken before it.</summary>
internal sealed class GrainStorageCounts
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public void Wrote(string stateName, int rows, int events)
    {
        var counter = For(stateName);
        Interlocked.Increment(ref counter.Writes);
        Interlocked.Add(ref counter.Rows, rows);
        Interlocked.Add(ref counter.Events, events);
    }

    public void Read(string stateName) => Interlocked.Increment(ref For(stateName).Reads);

    public void Cleared(string stateName) => Interlocked.Increment(ref For(stateName).Clears);

    public void Failed(string stateName) => Interlocked.Increment(ref For(stateName).Failures);

    public StorageTally Snapshot() => new(_counters.ToDictionary(
        pair => pair.Key,
        pair => new StateCounts(
            Interlocked.Read(ref pair.Value.Writes), Interlocked.Read(ref pair.Value.Rows), Interlocked.Read(ref pair.Value.Events),
            Interlocked.Read(ref pair.Value.Reads), Interlocked.Read(ref pair.Value.Clears), Interlocked.Read(ref pair.Value.Failures)),
        StringComparer.Ordinal));

    private Counter For(string stateName) => _counters.GetOrAdd(stateName, static _ => new Counter());

    private sealed class Counter
    {
        public long Writes;
        public long Rows;
        public long Events;
        public long Reads;
        public long Clears;
        public long Failures;
    }
}
