using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Customers;
using AfterSales.Devices;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Models;
using AfterSales.Reliability;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Grains;

/// <summary>The fleet import with real devices and the real scheduler: what the devices answer reaches their owner, the
/// scheduler and their model's reliability in bulk, and the plans' first occurrences come back due and open work orders.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FleetImportTests(ClusterFixture fixture)
{
    private static readonly MaintenancePlanTemplate HalfYearly =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter"], 60) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    private IFleetImportGrain Import => fixture.Grains.GetGrain<IFleetImportGrain>(0);

    private async Task<string> ModelAsync()
    {
        var code = Scenario.NewId("M");
        var defined = await fixture.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(new DefineProductModelRequest(
            $"Model {code}", [], [], [], [HalfYearly], [], 24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        return code;
    }

    private static ImmutableArray<FleetImportRow> Rows(string model, string customer, DateOnly installedOn, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new FleetImportRow(Scenario.NewId("SN"),
            new RegisterDeviceRequest(model, customer, null, installedOn, null) { RequestHash = "fleet-test", Actor = "erp" }))];

    [Fact]
    public async Task ImportedDevicesHaveTheirFirstOccurrencesScheduledAndOpenTheirWorkOrdersOnceDue()
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = await ModelAsync();
        // In service long enough that the half-yearly occurrence is due within the lead time: its fire time has passed.
        var inService = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(-175);
        var rows = Rows(model, customer, inService, 5);

        var outcome = await Import.ImportAsync(rows);
        var buckets = rows.Select(r => BucketOf(Occurrence(r.Serial, inService))).DistinctBy(b => b.GetPrimaryKeyString()).ToList();
        foreach (var bucket in buckets)
        {
            await bucket.TickAsync();
        }

        Assert.True(outcome.Tried);
        Assert.All(outcome.Rows, r => Assert.Equal(DeviceImportStatus.Created, r.Status));
        foreach (var row in rows)
        {
            var device = (await scenario.Device(row.Serial).GetAsync())!;
            Assert.Equal(Occurrence(row.Serial, inService).Period, Assert.Single(device.MaintenanceOrders).Order.Period);
        }
        Assert.Equal(rows.Select(r => r.Serial).Order(), (await fixture.Grains.GetGrain<ICustomerGrain>(customer).GetAsync())!.Devices.Order());
        Assert.Equal(5, (await fixture.Grains.GetGrain<IModelReliabilityGrain>(model).GetAsync())!.Devices);
    }

    [Fact]
    public async Task AResentBatchIsUnchangedAndHoldsEachOccurrenceOnce()
    {
        var scenario = new Scenario(fixture);
        var customer = (await scenario.CustomerAsync()).Id;
        var model = await ModelAsync();
        var inService = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(-10);
        var rows = Rows(model, customer, inService, 3);

        await Import.ImportAsync(rows);
        var again = await Import.ImportAsync(rows);
        var conflicting = await Import.ImportAsync([rows[0] with { Request = rows[0].Request with { RequestHash = "other" } }]);

        Assert.All(again.Rows, r => Assert.Equal(DeviceImportStatus.Unchanged, r.Status));
        Assert.Equal((DeviceImportStatus.Refused, Common.ErrorKind.Conflict), (conflicting.Rows[0].Status, conflicting.Rows[0].Error?.Kind));
        foreach (var row in rows)
        {
            Assert.Equal(1, await BucketOf(Occurrence(row.Serial, inService)).CountAsync());
        }
    }

    private static MaintenanceDue Occurrence(string serial, DateOnly inService)
    {
        var due = inService.AddMonths(6);
        return new MaintenanceDue(serial, HalfYearly.Id, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), At(due), At(due.AddDays(-HalfYearly.LeadDays)));
    }

    private IMaintenanceBucketGrain BucketOf(MaintenanceDue due)
    {
        var options = fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;
        return fixture.Grains.GetGrain<IMaintenanceBucketGrain>(MaintenanceBuckets.KeyOf(due, options.SlotLength, options.Shards));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
