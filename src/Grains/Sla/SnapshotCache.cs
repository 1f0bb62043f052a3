using System.Collections.Concurrent;
using AfterSales.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Sla;

/// <summary>
/// A silo's copies of versioned documents, by key, so case clocks never call the owning grain per change. A read
/// returns the copy while it is younger than <see cref="SlaOptions.RefreshInterval"/>; the first read after that
/// fetches it once for every waiting reader and keeps the old copy if the fetch fails. A change made on this silo
/// arrives at once through <see cref="Observe"/>; other silos see it within one refresh interval.
/// </summary>
internal abstract class SnapshotCache<T>(IOptions<SlaOptions> options, TimeProvider time, ILogger logger) where T : class
{
    private sealed class Entry
    {
        public readonly Lock Gate = new();
        public T? Value;
        public DateTimeOffset FetchedAt;
        public Task<T>? Fetching;
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>What the log calls the document.</summary>
    protected abstract string Name(string key);

    protected abstract int VersionOf(T value);

    protected abstract Task<T> FetchAsync(string key);

    public ValueTask<T> GetAsync(string key)
    {
        var entry = _entries.GetOrAdd(key, static _ => new Entry());
        var value = Volatile.Read(ref entry.Value);
        if (value is not null && time.GetUtcNow() - entry.FetchedAt < options.Value.RefreshInterval)
        {
            return ValueTask.FromResult(value);
        }
        return new ValueTask<T>(RefreshOrKeepAsync(key, entry, value));
    }

    /// <summary>Takes a copy seen elsewhere (the owning grain after a change) unless the cached one is newer.</summary>
    public void Observe(string key, T value)
    {
        var entry = _entries.GetOrAdd(key, static _ => new Entry());
        lock (entry.Gate)
        {
            if (entry.Value is null || VersionOf(value) >= VersionOf(entry.Value))
            {
                Volatile.Write(ref entry.Value, value);
                entry.FetchedAt = time.GetUtcNow();
            }
        }
    }

    private async Task<T> RefreshOrKeepAsync(string key, Entry entry, T? current)
    {
        try
        {
            return await RefreshAsync(key, entry);
        }
        catch (Exception exception) when (current is not null)
        {
            // A stale copy counts better than none; the next read after another interval tries again.
            logger.RefreshFailed(exception, Name(key), VersionOf(current));
            lock (entry.Gate)
            {
                entry.FetchedAt = time.GetUtcNow();
            }
            return current;
        }
    }

    private Task<T> RefreshAsync(string key, Entry entry)
    {
        lock (entry.Gate)
        {
            if (entry.Fetching is { } joined)
            {
                return joined;
            }
            var fetching = FetchAndObserveAsync(key, entry);
            // A fetch that completed synchronously has cleared Fetching already; storing it would pin its answer.
            if (!fetching.IsCompleted)
            {
                entry.Fetching = fetching;
            }
            return fetching;
        }
    }

    private async Task<T> FetchAndObserveAsync(string key, Entry entry)
    {
        try
        {
            Observe(key, await FetchAsync(key));
            return Volatile.Read(ref entry.Value)!;
        }
        finally
        {
            lock (entry.Gate)
            {
                entry.Fetching = null;
            }
        }
    }
}
