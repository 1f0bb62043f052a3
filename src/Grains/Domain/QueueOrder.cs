using AfterSales.Departments;

namespace AfterSales.Domain;

/// <summary>The order a department serves its queue: priority (urgent first), then the oldest case,
/// then the case number so equal timestamps still have one order.</summary>
internal sealed class QueueOrder : IComparer<QueuedCase>
{
    public static QueueOrder Instance { get; } = new();

    private QueueOrder()
    {
    }

    public int Compare(QueuedCase? x, QueuedCase? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return -1;
        }
        if (y is null)
        {
            return 1;
        }
        var byPriority = ((int)x.Priority).CompareTo((int)y.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }
        var byAge = x.CreatedAt.CompareTo(y.CreatedAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(x.CaseNumber, y.CaseNumber);
    }
}
