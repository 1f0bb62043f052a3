namespace AfterSales.Domain.CaseList;

/// <summary>
/// Follows many event streams at once for one consumer and hands out each event exactly once, in sequence order per
/// stream, whatever order and however often events are offered (a live stream, a journal catch-up, a gap fill).
/// </summary>
/// <remarks>
/// The consumer owns the durable truth: the last sequence it applied per stream, stored with what it applied (the list
/// keeps it in each row). The follower caches those numbers (<see cref="Know"/>; bounded, the consumer is asked again
/// after a trim), holds events that arrive ahead of a missing one, and names the <see cref="Gaps"/> the consumer should
/// read from the journal. Duplicates (a sequence at or below the applied one, or one already held) are dropped: per
/// stream, a sequence names exactly one event id, so this is de-duplication by event id. Pure: no I/O, no clock.
/// </remarks>
internal sealed class EventFollower<TEvent>(int maxKnownStreams = 100_000)
{
    private readonly Dictionary<string, long> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<long, Followed<TEvent>>> _held = new(StringComparer.Ordinal);

    /// <summary>Streams whose applied sequence is cached.</summary>
    public int KnownStreams => _applied.Count;

    /// <summary>Events held back behind a missing one.</summary>
    public int HeldEvents => _held.Values.Sum(h => h.Count);

    /// <summary>The streams among <paramref name="events"/> whose applied sequence the consumer must tell
    /// (<see cref="Know"/>) before <see cref="Accept"/>.</summary>
    public IReadOnlyCollection<string> Unknown(IEnumerable<Followed<TEvent>> events)
    {
        if (_applied.Count >= maxKnownStreams)
        {
            // Bounded memory: forget the streams with nothing held; the consumer is asked for them again when needed.
            foreach (var known in _applied.Keys.Where(k => !_held.ContainsKey(k)).ToArray())
            {
                _applied.Remove(known);
            }
        }
        return events.Select(e => e.Stream).Where(s => !_applied.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The consumer's applied sequence of <paramref name="stream"/> (0: nothing applied yet).</summary>
    public void Know(string stream, long appliedSequence)
    {
        if (_held.ContainsKey(stream))
        {
            // Already followed, with events held: the cached number is at least as new as storage's.
            return;
        }
        _applied[stream] = appliedSequence;
    }

    /// <summary>Takes <paramref name="events"/> and answers those that can be applied now, per stream in sequence order
    /// (streams in order of first appearance), counting them as applied. Every stream must be known. If the caller
    /// fails to store them it throws this follower away (its cache would be ahead of storage).</summary>
    public IReadOnlyList<Followed<TEvent>> Accept(IEnumerable<Followed<TEvent>> events)
    {
        var touched = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (!_applied.TryGetValue(e.Stream, out var applied))
            {
                throw new InvalidOperationException($"Stream {e.Stream} is not known: call Know first.");
            }
            if (e.Sequence <= applied)
            {
                continue;
            }
            if (!_held.TryGetValue(e.Stream, out var held))
            {
                _held[e.Stream] = held = [];
            }
            if (held.TryAdd(e.Sequence, e) && seen.Add(e.Stream))
            {
                touched.Add(e.Stream);
            }
        }
        var ready = new List<Followed<TEvent>>();
        foreach (var stream in touched)
        {
            var held = _held[stream];
            var next = _applied[stream] + 1;
            while (held.Remove(next, out var e))
            {
                ready.Add(e);
                next++;
            }
            _applied[stream] = next - 1;
            if (held.Count == 0)
            {
                _held.Remove(stream);
            }
        }
        return ready;
    }

    /// <summary>What is missing before the held events: read these from the journal and offer them.</summary>
    public IReadOnlyList<FollowGap> Gaps() =>
        [.. _held.Select(h => new FollowGap(h.Key, _applied[h.Key], h.Value.Keys.First()))];
}
