using System.Collections.Immutable;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Domain.Maintenance;
using AfterSales.Models;
using AfterSales.Reliability;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The fleet import with real devices and the real scheduler: what the devices answer reaches their owner, the
/// scheduler and their model's reliability in bulk, and the plans' first occurrences come back due and open work orders.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetImportTests(ClusterFixture fixture)
{
    private IFleetImportGrain Import => fixture.Grains.GetGrain<IFleetImportGrain>(0);

    /// <summary>A customer and a model with the half-yearly plan, and rows of new devices in service for that many days.</summary>
    private async Task<(Scenario Scenario, string Model, string Customer, DateOnly InService, ImmutableArray<FleetImportRow> Rows)> FleetAsync(
        int daysInService, int devices)
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = await HalfYearlyPlan.ModelAsync(fixture);
        var inService = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(-daysInService);
        ImmutableArray<FleetImportRow> rows = [.. Enumerable.Range(0, devices).Select(_ => new FleetImportRow(Scenario.NewId("SN"),
            new RegisterDeviceRequest(model, customer, null, inService, null) { RequestHash = "fleet-test", Actor = "erp" }))];
        return (scenario, model, customer, inService, rows);
    }
    [Fact]
    public async Task ImportedDevicesHaveTheirFirstOccurrencesScheduledAndOpenTheirWorkOrdersOnceDue()
    {
        // In service long enough that the half-yearly occurrence is due within the lead time: its fire time has passed.
        var (scenario, model, customer, inService, rows) = await FleetAsync(daysInService: 175, devices: 5);

        var outcome = await Import.ImportAsync(rows);
        var buckets = rows.Select(r => HalfYearlyPlan.BucketOf(fixture, HalfYearlyPlan.Occurrence(r.Serial, inService))).DistinctBy(b => b.GetPrimaryKeyString()).ToList();
        foreach (var bucket in buckets)
        {
            await bucket.TickAsync();
        }

        Assert.True(outcome.Tried);
        Assert.All(outcome.Rows, r => Assert.Equal(DeviceImportStatus.Created, r.Status));
        foreach (var row in rows)
        {
            var device = (await scenario.Device(row.Serial).GetAsync())!;
            Assert.Equal(HalfYearlyPlan.Occurrence(row.Serial, inService).Period, Assert.Single(device.MaintenanceOrders).Order.Period);
        }
        Assert.Equal(rows.Select(r => r.Serial).Order(), (await fixture.Grains.GetGrain<ICustomerGrain>(customer).GetAsync())!.Devices.Order());
        Assert.Equal(5, (await fixture.Grains.GetGrain<IModelReliabilityGrain>(model).GetAsync())!.Devices);
    }

    [Fact]
    public async Task AResentBatchIsUnchangedAndHoldsEachOccurrenceOnce()
    {
        var (_, _, _, inService, rows) = await FleetAsync(daysInService: 10, devices: 3);

        await Import.ImportAsync(rows);
        var held = await HeldAsync(rows, inService);
        var again = await Import.ImportAsync(rows);
        var conflicting = await Import.ImportAsync([rows[0] with { Request = rows[0].Request with { RequestHash = "other" } }]);

        Assert.All(again.Rows, r => Assert.Equal(DeviceImportStatus.Unchanged, r.Status));
        Assert.Equal((DeviceImportStatus.Refused, Common.ErrorKind.Conflict), (conflicting.Rows[0].Status, conflicting.Rows[0].Error?.Kind));
        Assert.True(held.Values.Sum() >= rows.Length, $"{held.Values.Sum()} held");
        Assert.Equal(held, await HeldAsync(rows, inService));
    }

    [Fact]
    public async Task ImportedDevicesAreInTheirModelsIndexSoAPlanChangeReachesThem()
    {
        var (scenario, model, _, inService, rows) = await FleetAsync(daysInService: 10, devices: 3);
        await Import.ImportAsync(rows);
        var told = rows.Select(r => fixture.Calls.Handled(scenario.Device(r.Serial), nameof(IDeviceGrain.OnModelPlansChangedAsync))).ToArray();

        var redefined = await fixture.Grains.GetGrain<IProductModelGrain>(model).DefineAsync(new DefineProductModelRequest(
            $"Model {model}", [], [], [], [HalfYearlyPlan.Plan with { IntervalMonths = 9 }], [], 24, "catalogue-admin"));
        Assert.True(redefined.IsSuccess, redefined.Error?.Message);
        await fixture.RefreshModelAsync(model);
        await Task.WhenAll(told);

        foreach (var row in rows)
        {
            var plan = Assert.Single((await scenario.Device(row.Serial).GetMaintenanceAsync())!.Plans);
            Assert.Equal(MaintenanceSchedule.PeriodOf(inService.AddMonths(9)), plan.Next?.Period);
        }
    }

    /// <summary>What the buckets holding the rows' occurrences hold, by bucket (two devices may share one).</summary>
    private async Task<Dictionary<string, int>> HeldAsync(ImmutableArray<FleetImportRow> rows, DateOnly inService)
    {
        var held = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var bucket = HalfYearlyPlan.BucketOf(fixture, HalfYearlyPlan.Occurrence(row.Serial, inService));
            held[bucket.GetPrimaryKeyString()] = await bucket.CountAsync();
        }
        return held;
    }
}
