namespace AfterSales.Domain.Webhooks;

/// <summary>
/// The deliveries waiting for one receiver, ordered per case: only a case's earliest waiting event (lowest sequence)
/// may be sent, and only once it is due, so a case's later event waits for its earlier one while other cases go on.
/// Pure: an index the grain rebuilds from its stored rows at activation.
/// </summary>
/// <typeparam name="T">What is queued.</typeparam>
internal sealed class CaseOrderedQueue<T>
{
    private readonly Dictionary<string, SortedDictionary<long, Entry>> _cases = new(StringComparer.Ordinal);

    /// <summary>Events waiting, in every case.</summary>
    public int Count { get; private set; }

    /// <summary>Cases with an event waiting.</summary>
    public int Cases => _cases.Count;

    /// <summary>Queues <paramref name="item"/> as event <paramref name="sequence"/> of <paramref name="caseNumber"/>, due
    /// at <paramref name="dueAt"/>; false when that event is queued already.</summary>
    public bool Add(string caseNumber, long sequence, DateTimeOffset dueAt, T item)
    {
        if (!_cases.TryGetValue(caseNumber, out var events))
        {
            _cases[caseNumber] = events = [];
        }
        if (!events.TryAdd(sequence, new Entry(dueAt, item)))
        {
            return false;
        }
        Count++;
        return true;
    }

    /// <summary>True when an event of <paramref name="caseNumber"/> is waiting.</summary>
    public bool Holds(string caseNumber) => _cases.ContainsKey(caseNumber);

    /// <summary>At most <paramref name="max"/> events that may be sent at <paramref name="now"/>: the head of each case
    /// whose due time has come, earliest due first (ties: case number).</summary>
    public IReadOnlyList<T> Due(DateTimeOffset now, int max) =>
        [.. _cases
            .Select(c => (Case: c.Key, Head: c.Value.First().Value))
            .Where(h => h.Head.DueAt <= now)
            .OrderBy(h => h.Head.DueAt)
            .ThenBy(h => h.Case, StringComparer.Ordinal)
            .Take(max)
            .Select(h => h.Head.Item)];

    /// <summary>When the earliest head is due; null when nothing waits.</summary>
    public DateTimeOffset? NextDue() => _cases.Count == 0 ? null : _cases.Values.Min(c => c.First().Value.DueAt);

    /// <summary>Moves event <paramref name="sequence"/> of <paramref name="caseNumber"/> to <paramref name="dueAt"/>.</summary>
    public void Reschedule(string caseNumber, long sequence, DateTimeOffset dueAt, T item)
    {
        if (_cases.TryGetValue(caseNumber, out var events) && events.ContainsKey(sequence))
        {
            events[sequence] = new Entry(dueAt, item);
        }
    }

    /// <summary>Takes event <paramref name="sequence"/> of <paramref name="caseNumber"/> out (sent, or dead-lettered);
    /// the case's next event becomes its head.</summary>
    public bool Remove(string caseNumber, long sequence)
    {
        if (!_cases.TryGetValue(caseNumber, out var events) || !events.Remove(sequence))
        {
            return false;
        }
        if (events.Count == 0)
        {
            _cases.Remove(caseNumber);
        }
        Count--;
        return true;
    }

    /// <summary>Forgets every event.</summary>
    public void Clear()
    {
        _cases.Clear();
        Count = 0;
    }

    private readonly record struct Entry(DateTimeOffset DueAt, T Item);
}
