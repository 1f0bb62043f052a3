using System.Globalization;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Domain.Calendars;
using AfterSales.Domain.Models;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Grains;

/// <summary>A change of a model's maintenance plans reaches the devices already in service — active, deactivated, with
/// plans of their own — through the model's device index, and a device the rollout missed follows the model before its
/// next occurrence opens a work order or when it next activates. The devices are in a region whose calendar is
/// Europe/Berlin, so their days are Berlin's local days.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ModelPlanRolloutTests(ClusterFixture fixture)
{
    private static readonly RegionCalendar Berlin = new("berlin", TimeZoneInfo.FindSystemTimeZoneById(ClusterFixture.BerlinZone));

    private static readonly MaintenancePlanTemplate HalfYearly =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter"], 90) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    private static readonly MaintenancePlanTemplate Monthly =
        new("monthly", "Monthly check", 0, ["Look at the gauge"], 15) { IntervalMonths = 1 };

    private static readonly MaintenancePlanTemplate Fortnightly =
        new("fortnightly", "Fortnightly flush", 0, ["Flush the circuit"], 20) { IntervalWeeks = 2, LeadDays = 1 };

    private DateOnly Today => Berlin.DateOf(fixture.Clock.GetUtcNow());

    private IMaintenanceScheduleGrain Scheduler => fixture.Grains.GetGrain<IMaintenanceScheduleGrain>(0);

    private IReminderTable Reminders => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    [Fact]
    public async Task APlanAddedChangedOrRemovedOnTheModelReachesItsActiveAndDeactivatedDevicesWhileTheirOwnPlansWin()
    {
        var (scenario, code, inService) = await ModelAsync([HalfYearly, Monthly]);
        var customer = (await scenario.CustomerAsync()).Id;
        var active = await DeviceAsync(scenario, customer, code, inService);
        var resting = await DeviceAsync(scenario, customer, code, inService);
        var own = await DeviceAsync(scenario, customer, code, inService);
        var fourWeeks = HalfYearly with { IntervalMonths = 0, IntervalWeeks = 4, LeadDays = 0 };
        Assert.True((await scenario.Device(own).SetMaintenancePlanAsync(fourWeeks, "planner", null)).IsSuccess);
        var ownNext = (await PlanAsync(scenario, own, HalfYearly.Id))!.Next;
        var monthlyNext = (await PlanAsync(scenario, active, Monthly.Id))!.Next!;
        await fixture.Cluster.DeactivateAsync(scenario.Device(resting));
        var told = new[] { active, resting, own }.Select(serial =>
            fixture.Calls.Handled(scenario.Device(serial), nameof(IDeviceGrain.OnModelPlansChangedAsync))).ToArray();
        var cancelled = fixture.Calls.Handled<MaintenanceDue>(Scheduler, nameof(IMaintenanceScheduleGrain.CancelAsync), due => due == monthlyNext);

        var redefined = await DefineAsync(code, [HalfYearly with { IntervalMonths = 3 }, Fortnightly]);
        await Task.WhenAll(told);
        await cancelled;

        Assert.Equal(2, redefined.PlansVersion);
        foreach (var serial in new[] { active, resting })
        {
            var plans = (await scenario.Device(serial).GetMaintenanceAsync())!.Plans;
            Assert.Equal([Fortnightly.Id, HalfYearly.Id], plans.Select(p => p.Plan.Id));
            Assert.Equal(Due(serial, HalfYearly.Id, inService.AddMonths(3), leadDays: 14), plans.Single(p => p.Plan.Id == HalfYearly.Id).Next);
            Assert.Equal(Due(serial, Fortnightly.Id, inService.AddDays(14), leadDays: 1), plans.Single(p => p.Plan.Id == Fortnightly.Id).Next);
        }
        var ownPlans = (await scenario.Device(own).GetMaintenanceAsync())!.Plans;
        var kept = ownPlans.Single(p => p.Plan.Id == HalfYearly.Id);
        Assert.Equal((false, 4, ownNext), (kept.FromModel, kept.Plan.IntervalWeeks, kept.Next));
        Assert.Contains(ownPlans, p => p.Plan.Id == Fortnightly.Id && p.FromModel);
        var history = (await scenario.Device(active).GetHistoryAsync(0, 1000))!.Events;
        Assert.Contains(history, e => e.Kind == DeviceEventKinds.MaintenancePlanChanged
            && e.Details!.StartsWith($"model {code} plans version 2: ", StringComparison.Ordinal)
            && e.Details.Contains($"monthly {monthlyNext.Period} taken back", StringComparison.Ordinal));
        var rollout = await fixture.Grains.GetGrain<IModelDevicesGrain>(ModelDeviceShards.KeyOf(code, active)).GetRolloutAsync();
        Assert.Equal(2, rollout.PlansVersion);
    }

    [Fact]
    public async Task AWorkOrderAlreadyOpenForAPlanTheModelRemovesStaysOpen()
    {
        var (scenario, code, inService) = await ModelAsync([HalfYearly, Monthly]);
        var customer = (await scenario.CustomerAsync()).Id;
        var serial = await DeviceAsync(scenario, customer, code, inService);
        await scenario.Device(serial).OnMaintenanceDueAsync((await PlanAsync(scenario, serial, HalfYearly.Id))!.Next!);
        var order = Assert.Single((await scenario.Device(serial).GetAsync())!.MaintenanceOrders);
        var told = fixture.Calls.Handled(scenario.Device(serial), nameof(IDeviceGrain.OnModelPlansChangedAsync));

        await DefineAsync(code, [Monthly]);
        await told;

        var device = (await scenario.Device(serial).GetAsync())!;
        Assert.Equal((order.CaseNumber, true), (Assert.Single(device.MaintenanceOrders).CaseNumber, device.MaintenanceOrders[0].Open));
        Assert.Equal(DeviceStatus.UnderMaintenance, device.Status);
        Assert.Equal([Monthly.Id], (await scenario.Device(serial).GetMaintenanceAsync())!.Plans.Select(p => p.Plan.Id));
    }

    [Fact]
    public async Task AnOccurrenceOfTheOldScheduleIsDroppedWhenTheRolloutMissedTheDevice()
    {
        var (scenario, code, inService) = await ModelAsync([HalfYearly]);
        var customer = (await scenario.CustomerAsync()).Id;
        var serial = await DeviceAsync(scenario, customer, code, inService);
        var old = (await PlanAsync(scenario, serial, HalfYearly.Id))!.Next!;
        await Missed(code, serial);
        await DefineAsync(code, [HalfYearly with { IntervalMonths = 4 }]);

        await scenario.Device(serial).OnMaintenanceDueAsync(old);

        Assert.Empty((await scenario.Device(serial).GetAsync())!.MaintenanceOrders);
        Assert.Equal(Due(serial, HalfYearly.Id, inService.AddMonths(4), leadDays: 14), (await PlanAsync(scenario, serial, HalfYearly.Id))!.Next);
    }

    [Fact]
    public async Task ADeactivatedDeviceTheRolloutMissedFollowsTheModelWhenItNextActivates()
    {
        var (scenario, code, inService) = await ModelAsync([HalfYearly]);
        var customer = (await scenario.CustomerAsync()).Id;
        var serial = await DeviceAsync(scenario, customer, code, inService);
        await Missed(code, serial);
        await fixture.Cluster.DeactivateAsync(scenario.Device(serial));
        await DefineAsync(code, [HalfYearly, Fortnightly]);
        var expected = Due(serial, Fortnightly.Id, inService.AddDays(14), leadDays: 1);
        var scheduled = fixture.Calls.Handled<MaintenanceDue>(Scheduler, nameof(IMaintenanceScheduleGrain.ScheduleAsync), due => due == expected);

        // A read of its snapshot activates it; it follows the model in a turn of its own.
        await scenario.Device(serial).GetAsync();
        await scheduled;

        var rollout = await fixture.Grains.GetGrain<IModelDevicesGrain>(ModelDeviceShards.KeyOf(code, serial)).GetRolloutAsync();
        Assert.Equal((1, 2), (rollout.Devices, rollout.PlansVersion));
    }

    [Fact]
    public async Task ARolloutWhoseProgressWasNotStoredIsResumedByItsReminderFromStorage()
    {
        var (scenario, code, inService) = await ModelAsync([HalfYearly]);
        var serial = await DeviceAsync(scenario, (await scenario.CustomerAsync()).Id, code, inService);
        var shard = fixture.Grains.GetGrain<IModelDevicesGrain>(ModelDeviceShards.KeyOf(code, serial));
        // The write that would record the rollout as done fails: the shard drops its activation, as a lost silo would.
        fixture.Faults.FailNextWrite(state => state is ModelDevicesState { FollowedVersion: 2 } held && held.Devices.ContainsKey(serial));
        var first = fixture.Calls.Handled(scenario.Device(serial), nameof(IDeviceGrain.OnModelPlansChangedAsync));
        await DefineAsync(code, [HalfYearly with { IntervalMonths = 5 }]);
        await first;
        var reminder = await Reminders.ReadRow(shard.GetGrainId(), ModelDevicesGrain.ReminderName);
        var again = fixture.Calls.Handled(scenario.Device(serial), nameof(IDeviceGrain.OnModelPlansChangedAsync));

        await fixture.Grains.GetGrain<IRemindable>(shard.GetGrainId())
            .ReceiveReminder(ModelDevicesGrain.ReminderName, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
        await again;

        Assert.NotNull(reminder);
        Assert.Equal(Due(serial, HalfYearly.Id, inService.AddMonths(5), leadDays: 14), (await PlanAsync(scenario, serial, HalfYearly.Id))!.Next);
    }

    [Fact]
    public async Task TheOverdueListShowsTheDueDayAndTheFirstLateDayInTheRegionsCalendar()
    {
        // Due in 20 days: its work order is generated ahead by the test, and the clock moves by weeks.
        var (scenario, code, _) = await ModelAsync([HalfYearly]);
        var inService = Today.AddMonths(-6).AddDays(20);
        var serial = await DeviceAsync(scenario, (await scenario.CustomerAsync()).Id, code, inService);
        var next = (await PlanAsync(scenario, serial, HalfYearly.Id))!.Next!;
        await scenario.Device(serial).OnMaintenanceDueAsync(next);

        fixture.Clock.Advance(next.DueAt.AddDays(8).AddSeconds(4321) - fixture.Clock.GetUtcNow());

        var overdue = Assert.Single(await fixture.Grains.GetGrain<IMaintenanceOrdersGrain>(scenario.Region).GetOverdueAsync(null, 100));
        var dueDay = inService.AddMonths(6);
        Assert.Equal((next.Period, Berlin.StartOf(dueDay)), (dueDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), next.DueAt));
        Assert.Equal((dueDay, dueDay.AddDays(8), ClusterFixture.BerlinZone), (overdue.DueOn, overdue.OverdueFrom, overdue.TimeZone));
    }

    /// <summary>A model with <paramref name="plans"/>, a maintenance technician in a Berlin region, and the day the
    /// devices enter service (ten days ago, in Berlin).</summary>
    private async Task<(Scenario Scenario, string Code, DateOnly InService)> ModelAsync(MaintenancePlanTemplate[] plans)
    {
        var scenario = new Scenario(fixture, fixture.NewBerlinRegion());
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var code = Scenario.NewId("M");
        await DefineAsync(code, plans);
        return (scenario, code, Today.AddDays(-10));
    }

    private async Task<ProductModel> DefineAsync(string code, MaintenancePlanTemplate[] plans)
    {
        var defined = await fixture.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(
            new DefineProductModelRequest($"Model {code}", [], [], [], [.. plans], [], 24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        return defined.Value!;
    }

    private static async Task<string> DeviceAsync(Scenario scenario, string customer, string code, DateOnly inService) =>
        (await scenario.DeviceAsync(customer, code, r => r with { InstalledOn = inService })).Serial;

    private static async Task<MaintenancePlanStatus?> PlanAsync(Scenario scenario, string serial, string planId) =>
        (await scenario.Device(serial).GetMaintenanceAsync())!.Plans.SingleOrDefault(p => p.Plan.Id == planId);

    /// <summary>Takes the device out of its model's index behind its back, as if the rollout could not reach it.</summary>
    private Task Missed(string code, string serial) =>
        fixture.Grains.GetGrain<IModelDevicesGrain>(ModelDeviceShards.KeyOf(code, serial)).RemoveAsync(serial);

    private static MaintenanceDue Due(string serial, string planId, DateOnly day, int leadDays) =>
        new(serial, planId, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Berlin.StartOf(day), Berlin.StartOf(day.AddDays(-leadDays)));
}
