using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Domain.Reliability;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Reliability;
using AfterSales.Tests.Grains.Infrastructure;
using Xunit.Abstractions;

namespace AfterSales.Tests.Grains;

/// <summary>What one change of a case costs its device: the calls the device runs, the device's writes (its version
/// grows by one per write) and the hops to the model's reliability shard.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseNoticeCostTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly MaintenancePlanTemplate HalfYearly =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter"], 90) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    private sealed record Cost(int DeviceCalls, int DeviceWrites, int ShardHops);

    [Fact]
    public async Task EachChangeOfAFaultCaseCostsTheDeviceOneCallAndOnlyChangesTheFiguresCountReachTheShard()
    {
        var (scenario, customer, _, serial, shard) = await InServiceAsync();
        string number = "";

        var open = await CostAsync(scenario, serial, shard, async () => number = (await scenario.OpenCaseAsync(customer, CaseType.Fault, deviceSerial: serial)).Number);
        var start = await CostAsync(scenario, serial, shard, () => scenario.ApplyAsync(number, CaseAction.Start));
        var wait = await CostAsync(scenario, serial, shard, () => scenario.ApplyAsync(number, CaseAction.Wait));
        var resume = await CostAsync(scenario, serial, shard, () => scenario.ApplyAsync(number, CaseAction.Resume));
        var resolve = await CostAsync(scenario, serial, shard, () => scenario.ResolveAsync(number));
        var close = await CostAsync(scenario, serial, shard, () => scenario.ApplyAsync(number, CaseAction.Close));

        Report(("open", open), ("start", start), ("wait", wait), ("resume", resume), ("resolve", resolve), ("close", close));
        Assert.Equal(new Cost(2, 1, 1), open);
        Assert.Equal(new Cost(1, 0, 0), start);
        Assert.Equal(new Cost(1, 0, 0), wait);
        Assert.Equal(new Cost(1, 0, 0), resume);
        Assert.Equal(new Cost(1, 1, 1), resolve);
        Assert.Equal(new Cost(1, 0, 0), close);
    }

    [Fact]
    public async Task EachChangeOfAMaintenanceWorkOrderCostsTheDeviceOneCallAndAtMostOneWrite()
    {
        var (scenario, _, _, serial, shard) = await InServiceAsync();
        var next = (await scenario.Device(serial).GetMaintenanceAsync())!.Plans.Single(p => p.Plan.Id == HalfYearly.Id).Next!;
        await scenario.Device(serial).OnMaintenanceDueAsync(next);
        var number = Assert.Single((await scenario.Device(serial).GetAsync())!.MaintenanceOrders).CaseNumber;

        var start = await CostAsync(scenario, serial, shard, () => scenario.ApplyAsync(number, CaseAction.Start));
        var transfer = await CostAsync(scenario, serial, shard, async () => Assert.True((await scenario.Case(number).TransferAsync(
            new TransferCaseRequest(Department.TechnicalSupport, "Needs a refrigerant specialist.", "planner"))).IsSuccess));
        var assign = await CostAsync(scenario, serial, shard, async () => Assert.True((await scenario.Case(number).AssignAsync(
            new AssignCaseRequest(await scenario.TechnicianAsync(Department.Maintenance), "Back to maintenance.", "planner"))).IsSuccess));
        await scenario.ApplyAsync(number, CaseAction.Start);
        var resolve = await CostAsync(scenario, serial, shard, () => scenario.ResolveAsync(number));

        Report(("start", start), ("transfer", transfer), ("assign back", assign), ("resolve", resolve));
        Assert.Equal(new Cost(1, 0, 0), start);
        Assert.Equal(new Cost(1, 1, 0), transfer);
        Assert.Equal(new Cost(1, 1, 0), assign);
        Assert.Equal(new Cost(1, 1, 0), resolve);
    }

    private async Task<Cost> CostAsync(Scenario scenario, string serial, IReliabilityShardGrain shard, Func<Task> change)
    {
        var device = scenario.Device(serial);
        var before = (await device.GetAsync())!.Version;
        int calls, hops;
        using (var tally = fixture.Calls.Tally(device, shard))
        {
            await change();
            calls = tally.Of(device);
            hops = tally.Of(shard, nameof(IReliabilityShardGrain.OnCaseWorkAsync));
        }
        return new Cost(calls, (await device.GetAsync())!.Version - before, hops);
    }

    private void Report(params (string Change, Cost Cost)[] costs)
    {
        foreach (var (change, cost) in costs)
        {
            output.WriteLine($"{change}: {cost.DeviceCalls} device call(s), {cost.DeviceWrites} device write(s), {cost.ShardHops} shard hop(s)");
        }
    }

    /// <summary>A device of a model with a half-yearly plan, in service for 30 days; technicians on shift.</summary>
    private async Task<(Scenario Scenario, string Customer, string Model, string Serial, IReliabilityShardGrain Shard)> InServiceAsync()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 10);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var (code, serial) = await scenario.MaintainedDeviceAsync(customer, Today.AddDays(-30), HalfYearly);
        var shard = fixture.Grains.GetGrain<IReliabilityShardGrain>(ReliabilityKeys.Shard(code, ReliabilityMath.ShardOf(serial)));
        return (scenario, customer, code, serial, shard);
    }
}
