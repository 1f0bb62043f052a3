using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Domain.Routing;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Departments;

/// <summary>Fans reads out over every configured department-region and each of its shards; a stateless worker, so
/// the fan-out runs on whichever silo takes the request and no single grain sees every listing.</summary>
[StatelessWorker]
internal sealed class DepartmentDirectoryGrain(IOptions<AfterSalesOptions> options, ShardCounts shards) : Grain, IDepartmentDirectoryGrain
{
    public Task<ImmutableArray<string>> GetRegionsAsync() => Task.FromResult(options.Value.Regions.ToImmutableArray());

    public async Task<ImmutableArray<DepartmentSnapshot>> ListAsync()
    {
        var reads = options.Value.Regions
            .SelectMany(region => DepartmentNames.All.Select(department => GetAsync(department, region)));
        return [.. await Task.WhenAll(reads)];
    }

    public async Task<DepartmentSnapshot> GetAsync(Department department, string region) =>
        ShardSnapshots.Merge(await Task.WhenAll(
            shards.AllOf(department, region).Select(key => GrainFactory.GetGrain<IDepartmentGrain>(key).GetAsync())));

    public async Task<QueueReview> ReviewAsync(Department department, string region)
    {
        // One shard after the other: a review offers cases to the siblings, which the next review then sees.
        var reviews = new List<QueueReview>();
        foreach (var key in shards.AllOf(department, region))
        {
            reviews.Add(await GrainFactory.GetGrain<IDepartmentGrain>(key).ReviewQueueAsync());
        }
        return ShardSnapshots.Merge(reviews);
    }
}
