using System.Collections.Immutable;

namespace AfterSales.Staff;

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
}
