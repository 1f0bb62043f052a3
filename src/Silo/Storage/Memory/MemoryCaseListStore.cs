using System.Globalization;
using AfterSales.CaseList;
using AfterSales.Domain.CaseList;
using AfterSales.Silo.Storage.CaseList;

namespace AfterSales.Silo.Storage.Memory;

/// <summary>The case list in memory, over a <see cref="MemoryGrainData"/>'s journal: for grain tests and benchmarks.
/// Same answers as the SQL stores (filters, order, keyset paging, case-insensitive substring search).</summary>
public sealed class MemoryCaseListStore(MemoryGrainData data) : ICaseListStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (int Partition, CaseListRow Row)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _checkpoints = [];

    public Task<long> ReadCheckpointAsync(int partition, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_checkpoints.GetValueOrDefault(partition));
        }
    }

    public Task<IReadOnlyDictionary<string, CaseListRow>> ReadRowsAsync(IReadOnlyCollection<string> numbers, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, CaseListRow> rows = numbers.Where(_rows.ContainsKey).Distinct(StringComparer.Ordinal)
                .ToDictionary(n => n, n => _rows[n].Row, StringComparer.Ordinal);
            return Task.FromResult(rows);
        }
    }

    public Task SaveAsync(int partition, IReadOnlyList<CaseListChange> changes, long? checkpoint, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var change in changes)
            {
                if (!_rows.TryGetValue(change.Row.Number, out var stored) || stored.Row.LastSequence < change.Row.LastSequence)
                {
                    _rows[change.Row.Number] = (partition, change.Row);
                }
            }
            if (checkpoint is { } position)
            {
                _checkpoints[partition] = position;
            }
        }
        return Task.CompletedTask;
    }

    public Task ResetAsync(int partition, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var number in _rows.Where(r => r.Value.Partition == partition).Select(r => r.Key).ToArray())
            {
                _rows.Remove(number);
            }
            _checkpoints.Remove(partition);
        }
        return Task.CompletedTask;
    }

    public Task<CaseListPage> QueryAsync(CaseListQuery query, CancellationToken cancellationToken = default)
    {
        List<CaseListRow> rows;
        lock (_gate)
        {
            rows = [.. _rows.Values.Select(r => r.Row)];
        }
        var matching = rows.Where(r =>
            (query.Statuses.IsEmpty || query.Statuses.Contains(r.Status))
            && (query.Departments.IsEmpty || (r.Department is { } d && query.Departments.Contains(d)))
            && (query.Regions.IsEmpty || query.Regions.Contains(r.Region ?? "\0"))
            && (query.Priorities.IsEmpty || (r.Priority is { } p && query.Priorities.Contains(p)))
            && (query.Assignees.IsEmpty || query.Assignees.Contains(r.AssigneeId ?? "\0"))
            && (query.Customers.IsEmpty || query.Customers.Contains(r.CustomerId ?? "\0"))
            && (query.SlaStates.IsEmpty || query.SlaStates.Contains(r.SlaState ?? "\0"))
            && query.Words.All(w => Contains(r.Subject, w) || Contains(r.Description, w)));
        var keyed = matching.Select(r => (Key: CaseListSql.KeyOf(r, query.Sort), Row: r));
        if (query.After is { } after)
        {
            keyed = keyed.Where(k => Compare(k.Key, k.Row.Number, after) * (query.Descending ? -1 : 1) > 0);
        }
        var ordered = query.Descending
            ? keyed.OrderByDescending(k => k.Key).ThenByDescending(k => k.Row.Number, StringComparer.Ordinal)
            : keyed.OrderBy(k => k.Key).ThenBy(k => k.Row.Number, StringComparer.Ordinal);
        return Task.FromResult(CaseListSql.ToPage([.. ordered.Take(query.Limit + 1).Select(k => k.Row)], query));
    }

    public Task<Kpis.KpiSums> SumKpisAsync(Kpis.KpiQuery query, CancellationToken cancellationToken = default)
    {
        List<CaseListRow> rows;
        lock (_gate)
        {
            rows = [.. _rows.Values.Select(r => r.Row)];
        }
        return Task.FromResult(Domain.Kpis.KpiRowSums.Sum(rows, query));
    }

    public Task<ProjectionProgress> ReadProgressAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var position = _checkpoints.Count < FeedPartitions.Count ? 0 : _checkpoints.Values.Min();
            return Task.FromResult(new ProjectionProgress(position, data.EventCount));
        }
    }

    private static int Compare(long key, string number, CaseListCursor after) =>
        key != after.Key ? key.CompareTo(after.Key) : string.CompareOrdinal(number, after.Number);

    private static bool Contains(string text, string word) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase) >= 0;
}
