using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Hosting;
using AfterSales.Maintenance;
using AfterSales.Maintenance.Scheduling;
using AfterSales.Models;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Tests.Grains;

/// <summary>The scheduler and a real device together: the device hands its next occurrence to the scheduler when it
/// enters service, the scheduler hands it back once due, and the device opens one work order however often the
/// scheduler repeats itself.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenanceHandOverTests(ClusterFixture fixture)
{
    private static readonly MaintenancePlanTemplate HalfYearly =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter"], 60) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    [Fact]
    public async Task AnOccurrenceDueNowOpensOneWorkOrderWhateverTheSchedulerRepeats()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var code = Scenario.NewId("M");
        var defined = await scenario.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(new DefineProductModelRequest(
            $"Model {code}", [], [], [], [HalfYearly], [], 24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        // In service long enough that the half-yearly occurrence is due within the lead time: its fire time has passed.
        var inService = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(-175);
        var serial = (await scenario.DeviceAsync(customer, code, r => r with { InstalledOn = inService })).Serial;
        var due = inService.AddMonths(6);
        var occurrence = new MaintenanceDue(serial, HalfYearly.Id, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), At(due), At(due.AddDays(-14)));
        var bucket = BucketOf(occurrence);

        // The bucket's timer hands the occurrence over at once; a tick waits for it (ticks never interleave) or does it.
        await bucket.TickAsync();
        var duplicated = await bucket.TickAsync();
        // As after a tick lost before the bucket forgot the occurrence: held again, and handed over again by the timer.
        var redelivered = fixture.Calls.Handled(scenario.Device(serial), nameof(IDeviceGrain.OnMaintenanceDueAsync));
        await fixture.Grains.GetGrain<IMaintenanceScheduleGrain>(0).ScheduleAsync(occurrence);
        await redelivered;
        var afterwards = await bucket.TickAsync();

        var device = (await scenario.Device(serial).GetAsync())!;
        var order = Assert.Single(device.MaintenanceOrders);
        var opened = (await scenario.Case(order.CaseNumber).GetAsync())!;
        Assert.Equal((CaseType.Maintenance, serial, occurrence.Period), (opened.Type, opened.DeviceSerial, opened.Maintenance!.Period));
        Assert.Equal(0, duplicated.Due);
        Assert.Equal(0, afterwards.Due);
    }

    private IMaintenanceBucketGrain BucketOf(MaintenanceDue due)
    {
        var options = fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredService<IOptions<MaintenanceSchedulerOptions>>().Value;
        return fixture.Grains.GetGrain<IMaintenanceBucketGrain>(MaintenanceBuckets.KeyOf(due, options.SlotLength, options.Shards));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
