using AfterSales.Cases;
using AfterSales.Departments;

namespace AfterSales.Domain;

/// <summary>
/// A department's waiting cases in queue order (<see cref="QueueOrder"/>), by case number too. Kept in memory beside
/// the stored rows (which have no order) and rebuilt when the department activates. One ordered set per priority
/// (queue order compares priority first): adding or removing a case costs O(log n), and finding where a newly queued
/// case stands is O(1) when it joins at the back of its priority — the common case, since it is the newest — instead of
/// counting every case behind it.
/// </summary>
/// <typeparam name="T">What the queue holds per case.</typeparam>
internal sealed class QueueIndex<T>(Func<T, QueuedCase> caseOf) where T : class
{
    private readonly Dictionary<string, T> _byNumber = new(StringComparer.Ordinal);
    private readonly SortedSet<QueuedCase>[] _byPriority =
        [.. Enumerable.Range(0, PriorityCount).Select(_ => new SortedSet<QueuedCase>(QueueOrder.Instance))];

    /// <summary>Priorities are urgent (0) to low (3), served in that order.</summary>
    private const int PriorityCount = (int)CasePriority.Low + 1;

    public int Count => _byNumber.Count;

    /// <summary>The items in queue order (a snapshot: safe to change the queue while walking it).</summary>
    public T[] InOrder() => [.. _byPriority.SelectMany(set => set).Select(c => _byNumber[c.CaseNumber])];

    public bool Contains(string caseNumber) => _byNumber.ContainsKey(caseNumber);

    public bool TryGet(string caseNumber, out T item) => _byNumber.TryGetValue(caseNumber, out item!);

    /// <summary>Adds or replaces the item of its case; returns its 1-based position.</summary>
    public int Put(T item)
    {
        var queued = caseOf(item);
        if (_byNumber.Remove(queued.CaseNumber, out var earlier))
        {
            SetOf(caseOf(earlier)).Remove(caseOf(earlier));
        }
        _byNumber[queued.CaseNumber] = item;
        SetOf(queued).Add(queued);
        return PositionOf(queued);
    }

    public bool Remove(string caseNumber)
    {
        if (!_byNumber.Remove(caseNumber, out var item))
        {
            return false;
        }
        SetOf(caseOf(item)).Remove(caseOf(item));
        return true;
    }

    /// <summary>1-based position of a case; 0 when it is not queued.</summary>
    public int PositionOf(string caseNumber) => _byNumber.TryGetValue(caseNumber, out var item) ? PositionOf(caseOf(item)) : 0;

    public void Clear()
    {
        _byNumber.Clear();
        foreach (var set in _byPriority)
        {
            set.Clear();
        }
    }

    /// <summary>The cases of higher priorities, plus the place within its own priority counted from the back (free
    /// when the case is the last of its priority).</summary>
    private int PositionOf(QueuedCase queued)
    {
        var index = Index(queued.Priority);
        var ahead = 0;
        for (var i = 0; i < index; i++)
        {
            ahead += _byPriority[i].Count;
        }
        var own = _byPriority[index];
        var behind = QueueOrder.Instance.Compare(queued, own.Max) == 0 ? 1 : own.GetViewBetween(queued, own.Max!).Count;
        return ahead + own.Count - behind + 1;
    }

    private SortedSet<QueuedCase> SetOf(QueuedCase queued) => _byPriority[Index(queued.Priority)];

    private static int Index(CasePriority priority) =>
        (int)priority is >= 0 and < PriorityCount ? (int)priority : throw new ArgumentOutOfRangeException(nameof(priority), priority, "Not a case priority.");
}
