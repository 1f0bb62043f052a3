using AfterSales.Bench.Scenarios;
using AfterSales.Cases;
using AfterSales.Common;

namespace AfterSales.Bench.Tests;

public sealed class PopulationTests
{
    private static readonly string[] Regions = ["east", "west", "north", "south"];

    [Fact]
    public void TechniciansAreSpreadEvenlyOverEveryDepartmentRegionPool()
    {
        var population = new Population("t1", seed: 1, Regions, customers: 8, technicians: 32, capacity: 5);

        var pools = population.Technicians.GroupBy(t => (t.Department, t.Region)).ToList();

        Assert.Equal(16, pools.Count);
        Assert.All(pools, pool => Assert.Equal(2, pool.Count()));
        Assert.Equal(DepartmentNames.All.Count * Regions.Length, pools.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void TheCaseMixIsRepeatableAndCoversEveryTypeButInstallationAndEveryRegion()
    {
        var first = new Population("t2", seed: 7, Regions, customers: 40, technicians: 16, capacity: 5);
        var again = new Population("t2", seed: 7, Regions, customers: 40, technicians: 16, capacity: 5);

        var cases = Enumerable.Range(0, 500).Select(i => first.CaseFor(i)).ToList();

        Assert.Equal(cases.Select(c => c.Request), Enumerable.Range(0, 500).Select(i => again.CaseFor(i).Request));
        Assert.Equal(4, cases.Select(c => c.Request.Type).Distinct().Count());
        Assert.DoesNotContain(cases, c => c.Request.Type == CaseType.Installation);
        Assert.Equal(4, cases.Select(c => c.Region).Distinct().Count());
    }

    [Fact]
    public void CaseCapacityIsSetByTheFullestPool()
    {
        // One technician of capacity 10 per pool. Per case and region pool, customer-service takes
        // (consultation 1 + complaint 2) / 4 types / 4 regions = 0.1875 units, maintenance 3 / 16 = 0.1875, technical
        // support 2 / 16 = 0.125 (installation none: the stream has no installations): the roster is full after
        // 10 / 0.1875 = 53 cases.
        var population = new Population("t3", seed: 1, Regions, customers: 4, technicians: 16, capacity: 10);

        Assert.Equal(53, population.CaseCapacity(fill: 1.0));
        Assert.Equal(26, population.CaseCapacity(fill: 0.5));
    }
}
