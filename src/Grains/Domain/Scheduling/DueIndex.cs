namespace AfterSales.Domain.Scheduling;

/// <summary>The keys of a bucket's entries in fire-time order, kept in memory beside the stored rows, so a tick reads
/// only the entries that are due (O(due + log n)) instead of scanning the bucket.</summary>
internal sealed class DueIndex
{
    private readonly SortedSet<(DateTimeOffset FireAt, string Key)> _order = [];

    public int Count => _order.Count;

    /// <summary>The earliest fire time held, or null when empty.</summary>
    public DateTimeOffset? Earliest => _order.Count == 0 ? null : _order.Min.FireAt;

    /// <summary>The earliest fire time held whose key is not in <paramref name="skip"/>, or null when there is none.</summary>
    public DateTimeOffset? EarliestExcept(IReadOnlySet<string> skip)
    {
        foreach (var (fireAt, key) in _order)
        {
            if (!skip.Contains(key))
            {
                return fireAt;
            }
        }
        return null;
    }

    public void Add(DateTimeOffset fireAt, string key) => _order.Add((fireAt, key));

    public void Remove(DateTimeOffset fireAt, string key) => _order.Remove((fireAt, key));

    public void Clear() => _order.Clear();

    /// <summary>The keys of the entries whose fire time is at or before <paramref name="now"/>, earliest first.</summary>
    public List<string> DueBy(DateTimeOffset now)
    {
        var due = new List<string>();
        foreach (var (fireAt, key) in _order)
        {
            if (fireAt > now)
            {
                break;
            }
            due.Add(key);
        }
        return due;
    }
}
