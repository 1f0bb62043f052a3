using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The scheduler and a real device together: the device hands its next occurrence to the scheduler when it
/// enters service, the scheduler hands it back once due, and the device opens one work order however often the
/// scheduler repeats itself.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenanceHandOverTests(ClusterFixture fixture)
{
    [Fact]
    public async Task AnOccurrenceDueNowOpensOneWorkOrderWhateverTheSchedulerRepeats()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var code = await HalfYearlyPlan.ModelAsync(fixture);
        // In service long enough that the half-yearly occurrence is due within the lead time: its fire time has passed.
        var inService = DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime).AddDays(-175);
        var serial = (await scenario.DeviceAsync(customer, code, r => r with { InstalledOn = inService })).Serial;
        var occurrence = HalfYearlyPlan.Occurrence(serial, inService);
        var bucket = HalfYearlyPlan.BucketOf(fixture, occurrence);

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
}
