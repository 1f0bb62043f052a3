using System.Collections.Immutable;
using AfterSales.Common;

namespace AfterSales.Departments;

/// <summary>Fans a read out over every department-region the deployment serves (stateless worker, key 0).</summary>
[Alias("AfterSales.IDepartmentDirectoryGrain")]
public interface IDepartmentDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The configured regions, in configuration order.</summary>
    [Alias("GetRegions"), ReadOnly]
    Task<ImmutableArray<string>> GetRegionsAsync();

    /// <summary>A snapshot of every department in every region.</summary>
    [Alias("List"), ReadOnly]
    Task<ImmutableArray<DepartmentSnapshot>> ListAsync();

    /// <summary>One department in one region, every shard of it merged: roster union, queues merged in queue
    /// order, load summed, the strategy of shard 0.</summary>
    [Alias("Get"), ReadOnly]
    Task<DepartmentSnapshot> GetAsync(Department department, string region);

    /// <summary>Reviews the queue of every shard of one department in one region and merges what they did.</summary>
    [Alias("Review")]
    Task<QueueReview> ReviewAsync(Department department, string region);
}
