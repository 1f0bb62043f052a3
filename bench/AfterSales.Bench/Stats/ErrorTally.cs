using System.Collections.Concurrent;

namespace AfterSales.Bench.Stats;

/// <summary>Counts occurrences by key (an HTTP status, an error kind, an outcome tag) and keeps the first
/// detail seen for each key, so a report can show what went wrong without logging every failure.</summary>
internal sealed class ErrorTally
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Add(string key, string? detail = null, long count = 1)
    {
        var entry = _entries.GetOrAdd(key, static _ => new Entry());
        if (detail is not null)
        {
            Interlocked.CompareExchange(ref entry.FirstDetail, detail, null);
        }
        Interlocked.Add(ref entry.Count, count);
    }

    public long Total => _entries.Values.Sum(e => Interlocked.Read(ref e.Count));

    /// <summary>Key, count and first detail, most frequent first.</summary>
    public IReadOnlyList<(string Key, long Count, string? FirstDetail)> Snapshot() =>
        [.. _entries
            .Select(pair => (pair.Key, Interlocked.Read(ref pair.Value.Count), pair.Value.FirstDetail))
            .OrderByDescending(e => e.Item2)
            .ThenBy(e => e.Key, StringComparer.Ordinal)];

    private sealed class Entry
    {
        public long Count;
        public string? FirstDetail;
    }
}
