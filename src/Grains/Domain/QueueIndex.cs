using AfterSales.Departments;

namespace AfterSales.Domain;

/// <summary>
/// A department's waiting cases in queue order (<see cref="QueueOrder"/>), by case number too. Kept in memory beside
/// the stored rows (which have no order) and rebuilt when the department activates: adding or removing a case costs
/// O(log n), and so does finding where a newly queued case stands when it joins at the back.
/// </summary>
/// <typeparam name="T">What the queue holds per case.</typeparam>
internal sealed class QueueIndex<T>(Func<T, QueuedCase> caseOf) where T : class
{
    private readonly Dictionary<string, T> _byNumber = new(StringComparer.Ordinal);
    private readonly SortedSet<QueuedCase> _ordered = new(QueueOrder.Instance);

    public int Count => _byNumber.Count;

    /// <summary>The items in queue order (a snapshot: safe to change the queue while walking it).</summary>
    public T[] InOrder() => [.. _ordered.Select(c => _byNumber[c.CaseNumber])];

    public bool Contains(string caseNumber) => _byNumber.ContainsKey(caseNumber);

    public bool TryGet(string caseNumber, out T item) => _byNumber.TryGetValue(caseNumber, out item!);

    /// <summary>Adds or replaces the item of its case; returns its 1-based position.</summary>
    public int Put(T item)
    {
        var queued = caseOf(item);
        if (_byNumber.Remove(queued.CaseNumber, out var earlier))
        {
            _ordered.Remove(caseOf(earlier));
        }
        _byNumber[queued.CaseNumber] = item;
        _ordered.Add(queued);
        return PositionOf(queued);
    }

    public bool Remove(string caseNumber)
    {
        if (!_byNumber.Remove(caseNumber, out var item))
        {
            return false;
        }
        _ordered.Remove(caseOf(item));
        return true;
    }

    /// <summary>1-based position of a case; 0 when it is not queued.</summary>
    public int PositionOf(string caseNumber) => _byNumber.TryGetValue(caseNumber, out var item) ? PositionOf(caseOf(item)) : 0;

    public void Clear()
    {
        _byNumber.Clear();
        _ordered.Clear();
    }

    /// <summary>Counts from the back: a new case usually joins there, so this is short for the common case.</summary>
    private int PositionOf(QueuedCase queued) => _ordered.Count - _ordered.GetViewBetween(queued, _ordered.Max!).Count + 1;
}
