using System.Collections.Immutable;
using AfterSales.Departments;

namespace AfterSales.Domain.Routing;

/// <summary>Merges what the shards of one department-region report into the one view the API has always shown.</summary>
internal static class ShardSnapshots
{
    /// <summary>Roster union (ordinal id order), queues merged in queue order (the unroutable cases too), load summed,
    /// the strategy of the first snapshot (shard 0). Positions in the merged queue are a reading aid: each shard serves its own queue.</summary>
    public static DepartmentSnapshot Merge(IReadOnlyList<DepartmentSnapshot> shards)
    {
        ArgumentOutOfRangeException.ThrowIfZero(shards.Count);
        var first = shards[0];
        if (shards.Count == 1)
        {
            return first;
        }
        var roster = shards.SelectMany(s => s.Roster).OrderBy(t => t.TechnicianId, StringComparer.Ordinal).ToImmutableArray();
        var queue = shards.SelectMany(s => s.Queue).Order(QueueOrder.Instance).ToImmutableArray();
        var load = new DepartmentLoad(
            shards.Sum(s => s.Load.TechniciansOnShift), shards.Sum(s => s.Load.Capacity),
            shards.Sum(s => s.Load.InUse), shards.Sum(s => s.Load.Queued));
        var unroutable = shards.SelectMany(s => s.Unroutable.IsDefault ? [] : s.Unroutable).ToHashSet(StringComparer.Ordinal);
        return new DepartmentSnapshot(first.Department, first.Region, roster, queue, load)
        {
            Strategy = first.Strategy,
            Unroutable = [.. queue.Where(q => unroutable.Contains(q.CaseNumber)).Select(q => q.CaseNumber)],
            AtRisk = MergeAtRisk(shards, queue),
        };
    }

    /// <summary>The at-risk cases of every shard: the queued ones in merged queue order, then the assigned ones by
    /// technician and case number.</summary>
    private static ImmutableArray<AtRiskCase> MergeAtRisk(IReadOnlyList<DepartmentSnapshot> shards, ImmutableArray<QueuedCase> queue)
    {
        var all = shards.SelectMany(s => s.AtRisk.IsDefault ? [] : s.AtRisk).ToList();
        var queued = all.Where(a => a.TechnicianId is null).ToDictionary(a => a.CaseNumber, StringComparer.Ordinal);
        return [.. queue.Where(q => queued.ContainsKey(q.CaseNumber)).Select(q => queued[q.CaseNumber]),
            .. all.Where(a => a.TechnicianId is not null).OrderBy(a => a.TechnicianId, StringComparer.Ordinal).ThenBy(a => a.CaseNumber, StringComparer.Ordinal)];
    }

    /// <summary>What the reviews of every shard did, together.</summary>
    public static QueueReview Merge(IReadOnlyList<QueueReview> reviews) =>
        reviews.Count == 1
            ? reviews[0]
            : new QueueReview(
                [.. reviews.SelectMany(r => r.Relaxed)], [.. reviews.SelectMany(r => r.Overflowed)],
                [.. reviews.SelectMany(r => r.Assigned)], reviews.Sum(r => r.Queued));
}
