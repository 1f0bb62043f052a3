using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Domain.Routing;

/// <summary>A configured shard count: of one department in one region, or in every region when Region is null.</summary>
internal sealed record ShardCount(Department Department, string? Region, int Count);

/// <summary>How many shards each department-region has: an entry for its region wins over one for every region;
/// anything not configured has one shard (shard 0, the department-region key).</summary>
internal sealed class ShardCounts(ImmutableArray<ShardCount> entries)
{
    public static ShardCounts None { get; } = new([]);

    public int CountOf(Department department, string region)
    {
        int? everyRegion = null;
        foreach (var entry in entries)
        {
            if (entry.Department != department)
            {
                continue;
            }
            if (string.Equals(entry.Region, region, StringComparison.Ordinal))
            {
                return entry.Count;
            }
            if (entry.Region is null)
            {
                everyRegion = entry.Count;
            }
        }
        return everyRegion ?? 1;
    }

    /// <summary>Key of the shard <paramref name="id"/> (technician id or case number) belongs to.</summary>
    public string HomeOf(Department department, string region, string id) =>
        ShardKeys.Key(department, region, ShardKeys.ShardOf(id, CountOf(department, region)));

    /// <summary>Keys of every shard of a department-region, shard 0 first.</summary>
    public IEnumerable<string> AllOf(Department department, string region)
    {
        var count = CountOf(department, region);
        for (var shard = 0; shard < count; shard++)
        {
            yield return ShardKeys.Key(department, region, shard);
        }
    }
}
