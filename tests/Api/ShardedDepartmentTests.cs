using AfterSales.Api.Departments;
using AfterSales.Common;
using AfterSales.Departments;
using AfterSales.Domain.Routing;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>An app whose technical-support in <c>r01</c> is split into four shards.</summary>
public sealed class ShardedApiApplication : ApiApplication
{
    public const string Region = "r01";

    public const int Shards = 4;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["AfterSales:Routing:Shards:0:Department"] = "technical-support",
        ["AfterSales:Routing:Shards:0:Region"] = Region,
        ["AfterSales:Routing:Shards:0:Count"] = "4",
    };
}

/// <summary><c>GET /api/departments/{department}/{region}</c> of a sharded department shows every shard as one.</summary>
public sealed class ShardedDepartmentTests(ShardedApiApplication app) : IClassFixture<ShardedApiApplication>, IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task TheDepartmentOfASplitRegionShowsTheUnionOfItsShardsInTheUsualShape()
    {
        const string region = ShardedApiApplication.Region;
        var technicians = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            technicians.Add((await api.CreateTechnicianAsync("technical-support", region, onShift: true, capacity: 2)).Id);
        }
        const int opened = 12;
        for (var i = 0; i < opened; i++)
        {
            await api.OpenCaseAsync((await api.CreateCustomerAsync(region)).Id, "fault", null, null);
        }

        // Each fault weighs 2: a technician takes one case, the rest wait in their home shards (same priority: the
        // merged queue is in creation order).
        DepartmentResponse department = null!;
        await ApiDriver.EventuallyAsync(async () =>
        {
            department = await api.GetDepartmentAsync("technical-support", region);
            return department.Load.InUse == 2 * (opened - department.Queue.Count);
        }, "every opened case is either held or queued", seconds: 15);

        Assert.Equal((Department.TechnicalSupport, region), (department.Department, department.Region));
        Assert.Equal(technicians.Order(StringComparer.Ordinal), department.Roster.Select(t => t.TechnicianId));
        Assert.Equal((8, 16, department.Queue.Count), (department.Load.TechniciansOnShift, department.Load.Capacity, department.Load.Queued));
        Assert.Equal(2 * (opened - department.Queue.Count), department.Load.InUse);
        Assert.Equal(department.Queue.OrderBy(q => q.CreatedAt).ThenBy(q => q.CaseNumber, StringComparer.Ordinal), department.Queue);

        // The technicians really are spread over the shards the response merged.
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var rosters = new List<int>();
        for (var shard = 0; shard < ShardedApiApplication.Shards; shard++)
        {
            var part = await grains.GetGrain<IDepartmentGrain>(ShardKeys.Key(Department.TechnicalSupport, region, shard)).GetAsync();
            rosters.Add(part.Roster.Length);
        }
        Assert.Equal(technicians.Count, rosters.Sum());
        Assert.True(rosters.Count(n => n > 0) >= 2, $"rosters per shard: {string.Join(", ", rosters)}");
    }
}
