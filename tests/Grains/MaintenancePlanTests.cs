using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>Preventive plans on a device: the next occurrence from its entry into service, the work order its due
/// occurrence opens exactly once (whatever the scheduler repeats, and across a restart between the claim and the open),
/// the next occurrence from the visit, the device's own plans, and overdue work orders. The scheduler's hand-over is
/// driven here by calling <see cref="IDeviceGrain.OnMaintenanceDueAsync"/> as the scheduler does.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenancePlanTests(ClusterFixture fixture)
{
    private static readonly MaintenancePlanTemplate HalfYearly =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter", "Check the pressure"], 90) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    private static readonly MaintenancePlanTemplate Hours =
        new("hours", "Every 500 hours", 0, ["Change the oil"], 30) { Meter = "operatingHours", UsageInterval = 500 };

    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A customer with a device of a model with a half-yearly and a usage plan, in service since
    /// <paramref name="daysInService"/> days, and a maintenance technician on shift in the region.</summary>
    private async Task<(Scenario Scenario, string Serial, DateOnly InService)> DeviceAsync(int daysInService = 10)
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var code = Scenario.NewId("M");
        var defined = await scenario.Grains.GetGrain<IProductModelGrain>(code).DefineAsync(new DefineProductModelRequest(
            $"Model {code}", [], [], [], [HalfYearly, Hours], [], 24, "catalogue-admin"));
        Assert.True(defined.IsSuccess, defined.Error?.Message);
        await fixture.RefreshModelAsync(code);
        var inService = Today.AddDays(-daysInService);
        var device = await scenario.DeviceAsync(customer, code, r => r with { InstalledOn = inService });
        return (scenario, device.Serial, inService);
    }

    private static async Task<MaintenancePlanStatus> PlanAsync(Scenario scenario, string serial, string planId) =>
        (await scenario.Device(serial).GetMaintenanceAsync())!.Plans.Single(p => p.Plan.Id == planId);

    private static async Task<MaintenanceDue> NextAsync(Scenario scenario, string serial) =>
        (await PlanAsync(scenario, serial, HalfYearly.Id)).Next!;

    [Fact]
    public async Task ADeviceEnteringServiceHasTheNextOccurrenceOfEachTimePlanAndNoneForAUsagePlan()
    {
        var (scenario, serial, inService) = await DeviceAsync();

        var half = await PlanAsync(scenario, serial, HalfYearly.Id);
        var hours = await PlanAsync(scenario, serial, Hours.Id);

        var due = inService.AddMonths(6);
        Assert.True(half.FromModel);
        Assert.Equal(
            new MaintenanceDue(serial, HalfYearly.Id, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), At(due), At(due.AddDays(-14))),
            half.Next);
        Assert.Null(hours.Next);
        Assert.Null(half.OpenWorkOrder);
    }

    [Fact]
    public async Task ADueOccurrenceOpensAMaintenanceWorkOrderInTheRegionsMaintenanceDepartmentWithItsPlanAndWindow()
    {
        var (scenario, serial, _) = await DeviceAsync();
        var next = await NextAsync(scenario, serial);

        await scenario.Device(serial).OnMaintenanceDueAsync(next);

        var device = (await scenario.Device(serial).GetAsync())!;
        var order = Assert.Single(device.MaintenanceOrders);
        var opened = (await scenario.Case(order.CaseNumber).GetAsync())!;
        Assert.Equal((CaseType.Maintenance, Department.Maintenance, scenario.Region, serial), (opened.Type, opened.Department, opened.Region, opened.DeviceSerial));
        Assert.Equal(
            new MaintenanceOrder(HalfYearly.Id, next.Period, MaintenanceTriggerKind.Time, new DueWindow(next.DueAt, next.DueAt.AddDays(8)), opened.Maintenance!.Evidence),
            opened.Maintenance);
        Assert.Contains("every 6 months", opened.Maintenance.Evidence, StringComparison.Ordinal);
        Assert.Contains("- Check the pressure", opened.Description, StringComparison.Ordinal);
        Assert.Equal((DeviceStatus.UnderMaintenance, false, true), (device.Status, order.Overdue, order.Open));
        Assert.Contains(CaseEventKinds.MaintenanceDue, (await scenario.HistoryAsync(order.CaseNumber)).Select(e => e.Action));
        var plan = await PlanAsync(scenario, serial, HalfYearly.Id);
        Assert.Equal((order.CaseNumber, (MaintenanceDue?)null), (plan.OpenWorkOrder, plan.Next));
    }

    [Fact]
    public async Task ARepeatedOrConcurrentDeliveryOfTheSameOccurrenceOpensOneWorkOrder()
    {
        var (scenario, serial, _) = await DeviceAsync();
        var next = await NextAsync(scenario, serial);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => scenario.Device(serial).OnMaintenanceDueAsync(next)));
        await scenario.Device(serial).OnMaintenanceDueAsync(next);

        var maintenance = (await scenario.Device(serial).GetMaintenanceAsync())!;
        var order = Assert.Single(maintenance.WorkOrders);
        Assert.True(order.Open);
        var history = (await scenario.Device(serial).GetHistoryAsync(0, 1000))!.Events;
        Assert.Single(history, e => e.Kind == DeviceEventKinds.MaintenanceDue);
        Assert.Single(history, e => e.Kind == DeviceEventKinds.CaseOpened);
        Assert.Single(await scenario.HistoryAsync(order.CaseNumber), e => e.Action == CaseEventKinds.Opened);
    }

    [Fact]
    public async Task ARestartBetweenTheClaimAndTheOpenOpensTheClaimedWorkOrderOnceOnRedelivery()
    {
        var (scenario, serial, _) = await DeviceAsync();
        var next = await NextAsync(scenario, serial);
        // The work order's write fails: the claim is stored, the case is not (as a crash after the claim leaves it).
        fixture.Faults.FailNextWrite(state => state is CaseState { DeviceSerial: var device } && device == serial);

        await Assert.ThrowsAnyAsync<Exception>(() => scenario.Device(serial).OnMaintenanceDueAsync(next));
        var claimed = Assert.Single((await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders);
        Assert.False(claimed.Open);
        Assert.Null(await scenario.Case(claimed.CaseNumber).GetAsync());

        await fixture.Cluster.DeactivateAsync(scenario.Device(serial));
        await scenario.Device(serial).OnMaintenanceDueAsync(next);
        await scenario.Device(serial).OnMaintenanceDueAsync(next);

        var order = Assert.Single((await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders);
        Assert.Equal((claimed.CaseNumber, true), (order.CaseNumber, order.Open));
        Assert.Equal(CaseType.Maintenance, (await scenario.Case(order.CaseNumber).GetAsync())!.Type);
        Assert.Equal(order.CaseNumber, Assert.Single((await scenario.Device(serial).GetAsync())!.OpenCases));
    }

    [Fact]
    public async Task AnOccurrenceTheDeviceNoLongerHasIsDroppedWithoutAWorkOrder()
    {
        var (scenario, serial, _) = await DeviceAsync();
        var next = await NextAsync(scenario, serial);

        await scenario.Device(serial).OnMaintenanceDueAsync(next with { Period = "1999-01-01" });
        await scenario.Device(serial).OnMaintenanceDueAsync(next with { PlanId = "gone" });

        Assert.Empty((await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders);
        Assert.Equal(next, await NextAsync(scenario, serial));
    }

    [Fact]
    public async Task WhenTheWorkOrderEndsTheNextOccurrenceCountsFromTheVisit()
    {
        var (scenario, serial, _) = await DeviceAsync();
        await scenario.Device(serial).OnMaintenanceDueAsync(await NextAsync(scenario, serial));
        var number = Assert.Single((await scenario.Device(serial).GetAsync())!.MaintenanceOrders).CaseNumber;

        await scenario.ApplyAsync(number, CaseAction.Start);
        await scenario.ResolveAsync(number);

        var visit = Today;
        var plan = await PlanAsync(scenario, serial, HalfYearly.Id);
        Assert.Equal((visit, number, (string?)null), (plan.LastVisitOn, (await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders[0].CaseNumber, plan.OpenWorkOrder));
        Assert.Equal(visit.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), plan.Next!.Period);
        var device = (await scenario.Device(serial).GetAsync())!;
        Assert.Equal((DeviceStatus.InService, 0), (device.Status, device.MaintenanceOrders.Length));
    }

    [Fact]
    public async Task AWorkOrderOpenPastItsWindowIsOverdueOnTheDeviceAndInItsRegionAndDepartment()
    {
        // Due in 20 days, so its work order fires in 6 (still ahead: the scheduler does not hand it over by itself)
        // and the clock moves by weeks, not months.
        var (scenario, serial, _) = await DeviceAsync(daysInService: Today.DayNumber - Today.AddMonths(-6).AddDays(20).DayNumber);
        var next = await NextAsync(scenario, serial);
        await scenario.Device(serial).OnMaintenanceDueAsync(next);
        var number = Assert.Single((await scenario.Device(serial).GetAsync())!.MaintenanceOrders).CaseNumber;
        var region = fixture.Grains.GetGrain<IMaintenanceOrdersGrain>(scenario.Region);
        Assert.Empty(await region.GetOverdueAsync(null, 100));

        // A while after the window ended (not on a round time: other tests' windows are aligned to round times).
        fixture.Clock.Advance(next.DueAt.AddDays(8).AddSeconds(4321) - fixture.Clock.GetUtcNow());

        var device = (await scenario.Device(serial).GetAsync())!;
        Assert.True(device.MaintenanceOverdue);
        Assert.True(Assert.Single(device.MaintenanceOrders).Overdue);
        var overdue = Assert.Single(await region.GetOverdueAsync("maintenance", 100));
        Assert.Equal((number, serial, "maintenance", scenario.Region), (overdue.CaseNumber, overdue.Serial, overdue.Department, overdue.Region));
        Assert.Empty(await region.GetOverdueAsync("installation", 100));

        await scenario.ApplyAsync(number, CaseAction.Cancel, actor: "planner");

        Assert.Empty(await region.GetOverdueAsync(null, 100));
        Assert.False((await scenario.Device(serial).GetAsync())!.MaintenanceOverdue);
    }

    [Fact]
    public async Task ADevicesOwnPlanReplacesTheModelsPlanOfTheSameIdUntilItIsRemoved()
    {
        var (scenario, serial, inService) = await DeviceAsync();
        var version = (await scenario.Device(serial).GetAsync())!.Version;

        var set = await scenario.Device(serial).SetMaintenancePlanAsync(HalfYearly with { IntervalMonths = 0, IntervalWeeks = 4, LeadDays = 0 }, "planner", version);
        var replay = await scenario.Device(serial).SetMaintenancePlanAsync(HalfYearly with { IntervalMonths = 0, IntervalWeeks = 4, LeadDays = 0 }, "planner", null);
        var removed = await scenario.Device(serial).RemoveMaintenancePlanAsync(HalfYearly.Id, "planner", null);

        var own = set.Value!.Plans.Single(p => p.Plan.Id == HalfYearly.Id);
        Assert.False(own.FromModel);
        Assert.Equal(inService.AddDays(28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), own.Next!.Period);
        Assert.True(replay.Replayed);
        var back = removed.Value!.Plans.Single(p => p.Plan.Id == HalfYearly.Id);
        Assert.Equal((true, inService.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), (back.FromModel, back.Next!.Period));
    }

    [Fact]
    public async Task AnInvalidOrStalePlanChangeIsRefusedAtItsField()
    {
        var (scenario, serial, _) = await DeviceAsync();

        var noSchedule = await scenario.Device(serial).SetMaintenancePlanAsync(HalfYearly with { IntervalMonths = 0 }, "planner", null);
        var badRule = await scenario.Device(serial).SetMaintenancePlanAsync(HalfYearly with { IntervalMonths = 0, Recurrence = "FREQ=HOURLY" }, "planner", null);
        var stale = await scenario.Device(serial).SetMaintenancePlanAsync(HalfYearly, "planner", 999);
        var missing = await scenario.Device(serial).RemoveMaintenancePlanAsync("nope", "planner", null);

        Assert.Equal((ErrorKind.Validation, "intervalDays"), (noSchedule.Error?.Kind, noSchedule.Error?.Field));
        Assert.Equal((ErrorKind.Validation, "recurrence"), (badRule.Error?.Kind, badRule.Error?.Field));
        Assert.Equal(ErrorKind.PreconditionFailed, stale.Error?.Kind);
        Assert.Equal((ErrorKind.NotFound, "planId"), (missing.Error?.Kind, missing.Error?.Field));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
