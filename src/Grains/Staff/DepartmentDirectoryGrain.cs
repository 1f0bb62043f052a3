using System.Collections.Immutable;
using AfterSales.Common;
using AfterSales.Hosting;
using Microsoft.Extensions.Options;

namespace AfterSales.Staff;

/// <summary>Fans reads out over every configured department-region; a stateless worker, so the fan-out
/// runs on whichever silo takes the request and no single grain sees every listing.</summary>
[StatelessWorker]
internal sealed class DepartmentDirectoryGrain(IOptions<AfterSalesOptions> options) : Grain, IDepartmentDirectoryGrain
{
    public Task<ImmutableArray<string>> GetRegionsAsync() => Task.FromResult(options.Value.Regions.ToImmutableArray());

    public async Task<ImmutableArray<DepartmentSnapshot>> ListAsync()
    {
        var reads = options.Value.Regions
            .SelectMany(region => DepartmentNames.All.Select(department => GrainKeys.DepartmentRegion(department, region)))
            .Select(key => GrainFactory.GetGrain<IDepartmentGrain>(key).GetAsync());
        return [.. await Task.WhenAll(reads)];
    }
}
