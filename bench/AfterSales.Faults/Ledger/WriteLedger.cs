using System.Collections.Concurrent;
using System.Globalization;

namespace AfterSales.Faults.Ledger;

/// <summary>Every write the load client sent, every attempt and every answer, and named instants of the run (a silo
/// killed, the database back). Thread-safe; times are offsets from the ledger's creation.</summary>
public sealed class WriteLedger
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ConcurrentQueue<LedgerWrite> _writes = new();
    private readonly ConcurrentQueue<Attempt> _attempts = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _marks = new(StringComparer.Ordinal);
    private long _nextId;

    /// <param name="runTag">Makes tokens unique across runs against one database (letters, digits and hyphens).</param>
    public WriteLedger(string runTag, TimeProvider? time = null)
    {
        RunTag = runTag;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    public string RunTag { get; }

    /// <summary>The subject prefix of every case this run opens.</summary>
    public string TokenPrefix => $"ledger {RunTag}-";

    public TimeSpan Now => _time.GetElapsedTime(_started);

    public IReadOnlyCollection<LedgerWrite> Writes => _writes;

    public IReadOnlyCollection<Attempt> Attempts => _attempts;

    public IReadOnlyDictionary<string, TimeSpan> Marks => _marks;

    public LedgerWrite Begin(WriteKind kind, string? caseNumber = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var write = new LedgerWrite(id, kind, TokenPrefix + id.ToString("D7", CultureInfo.InvariantCulture), caseNumber);
        _writes.Enqueue(write);
        return write;
    }

    public void Record(LedgerWrite write, Attempt attempt)
    {
        write.Count(attempt);
        _attempts.Enqueue(attempt);
    }

    public static void Settle(LedgerWrite write, WriteOutcome outcome, string? caseNumber = null, string? status = null, string? technician = null) =>
        write.Settle(outcome, caseNumber, status, technician);

    /// <summary>Records an instant of the run under a name (the last call wins) and returns it.</summary>
    public TimeSpan Mark(string name)
    {
        var now = Now;
        _marks[name] = now;
        return now;
    }

    public TimeSpan MarkOf(string name) =>
        _marks.TryGetValue(name, out var at) ? at : throw new InvalidOperationException($"The ledger has no mark '{name}'.");
}
