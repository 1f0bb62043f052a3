using AfterSales.Cases;
using AfterSales.Departments;

namespace AfterSales.Domain;

/// <summary>
/// A department's waiting cases in queue order (<see cref="QueueOrder"/>), by case number, and by arrival. Kept in
/// memory beside the stored rows (which have no order) and rebuilt when the department activates. The order is one
/// sorted array: finding a case, its position or the case after it is a binary search (O(log n)); adding or removing
/// one moves the references behind it (a block copy, microseconds at 50,000 — and none for a case joining the back,
/// the common one). The arrival order answers the oldest case and the cases due for relaxation in O(log n) each. So
/// none of a department's periodic work has to walk a queue of tens of thousands.
/// </summary>
/// <typeparam name="T">What the queue holds per case.</typeparam>
internal sealed class QueueIndex<T>(Func<T, QueuedCase> caseOf) where T : class
{
    private readonly Dictionary<string, T> _byNumber = new(StringComparer.Ordinal);
    private readonly List<QueuedCase> _order = [];
    private readonly SortedSet<QueuedCase> _byArrival = new(ArrivalOrder.Instance);
    private readonly SortedSet<QueuedCase> _relaxable = new(ArrivalOrder.Instance);

    public int Count => _byNumber.Count;

    /// <summary>The case that joined the queue first, or null when it is empty.</summary>
    public QueuedCase? Oldest => _byArrival.Count == 0 ? null : _byArrival.Min;

    /// <summary>The items in queue order (a snapshot: safe to change the queue while walking it). O(n): for the view and
    /// for walks that change the queue as they go.</summary>
    public T[] InOrder() => [.. Ordered()];

    /// <summary>The items in queue order, read as they are walked: no copy, but the queue must not change meanwhile.</summary>
    public IEnumerable<T> Ordered() => Ordered(0);

    /// <summary>The items in queue order from the 0-based position <paramref name="start"/>, read as they are walked.</summary>
    public IEnumerable<T> Ordered(int start)
    {
        for (var i = Math.Max(start, 0); i < _order.Count; i++)
        {
            yield return _byNumber[_order[i].CaseNumber];
        }
    }

    /// <summary>The 0-based position of the first case after <paramref name="queued"/> in queue order, whether or not it
    /// is queued itself (<see cref="Count"/> when none is).</summary>
    public int IndexAfter(QueuedCase queued)
    {
        var index = _order.BinarySearch(queued, QueueOrder.Instance);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Up to <paramref name="max"/> items that come after <paramref name="after"/> in queue order (from the front
    /// when null; the case itself need not be queued any more), skipping those <paramref name="skip"/> rejects. A snapshot,
    /// so the queue may change while the batch is served; costs a search plus what is read.</summary>
    public List<T> Next(QueuedCase? after, int max, Func<T, bool>? skip = null)
    {
        var batch = new List<T>(Math.Min(max, Count));
        for (var i = after is null ? 0 : IndexAfter(after); i < _order.Count && batch.Count < max; i++)
        {
            var item = _byNumber[_order[i].CaseNumber];
            if (skip?.Invoke(item) != true)
            {
                batch.Add(item);
            }
        }
        return batch;
    }

    /// <summary>The items whose case still has optional skills and joined the queue at or before
    /// <paramref name="joinedBy"/>, oldest first: the cases due for relaxation. O(log n + due).</summary>
    public List<T> Relaxable(DateTimeOffset joinedBy)
    {
        var due = new List<T>();
        foreach (var queued in _relaxable)
        {
            if (queued.EnqueuedAt > joinedBy)
            {
                break;
            }
            due.Add(_byNumber[queued.CaseNumber]);
        }
        return due;
    }

    public bool Contains(string caseNumber) => _byNumber.ContainsKey(caseNumber);

    public bool TryGet(string caseNumber, out T item) => _byNumber.TryGetValue(caseNumber, out item!);

    /// <summary>Adds or replaces the item of its case; returns its 1-based position.</summary>
    public int Put(T item)
    {
        var queued = caseOf(item);
        if (_byNumber.Remove(queued.CaseNumber, out var earlier))
        {
            Unindex(caseOf(earlier));
        }
        _byNumber[queued.CaseNumber] = item;
        var index = _order.Count == 0 || QueueOrder.Instance.Compare(queued, _order[^1]) > 0
            ? _order.Count
            : ~_order.BinarySearch(queued, QueueOrder.Instance);
        _order.Insert(index, queued);
        _byArrival.Add(queued);
        if (IsRelaxable(queued))
        {
            _relaxable.Add(queued);
        }
        return index + 1;
    }

    public bool Remove(string caseNumber)
    {
        if (!_byNumber.Remove(caseNumber, out var item))
        {
            return false;
        }
        Unindex(caseOf(item));
        return true;
    }

    /// <summary>1-based position of a case; 0 when it is not queued.</summary>
    public int PositionOf(string caseNumber) =>
        _byNumber.TryGetValue(caseNumber, out var item) ? _order.BinarySearch(caseOf(item), QueueOrder.Instance) + 1 : 0;

    public void Clear()
    {
        _byNumber.Clear();
        _order.Clear();
        _byArrival.Clear();
        _relaxable.Clear();
    }

    private void Unindex(QueuedCase queued)
    {
        _order.RemoveAt(_order.BinarySearch(queued, QueueOrder.Instance));
        _byArrival.Remove(queued);
        _relaxable.Remove(queued);
    }

    private static bool IsRelaxable(QueuedCase queued) => queued.RelaxedAt is null && !queued.Optional.IsDefaultOrEmpty;

    /// <summary>When a case joined the queue, then its number (so two cases that joined at once still have one order).</summary>
    private sealed class ArrivalOrder : IComparer<QueuedCase>
    {
        public static ArrivalOrder Instance { get; } = new();

        public int Compare(QueuedCase? x, QueuedCase? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }
            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }
            var byArrival = x.EnqueuedAt.CompareTo(y.EnqueuedAt);
            return byArrival != 0 ? byArrival : string.CompareOrdinal(x.CaseNumber, y.CaseNumber);
        }
    }
}
