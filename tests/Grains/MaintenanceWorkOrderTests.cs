using System.Globalization;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Models;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A plan's work order after it opened: the overdue list follows it to the department and region it moves to, a
/// cancelled one does not serve its occurrence, and a cancelled one is re-issued once however often it is asked (also
/// across a crash between the re-issue's claim and its open).</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenanceWorkOrderTests(ClusterFixture fixture)
{
    private static readonly MaintenancePlanTemplate HalfYearly =
        new("half-yearly", "Half-yearly service", 0, ["Clean the filter"], 90) { IntervalMonths = 6, LeadDays = 14, WindowDays = 7 };

    private DateOnly Today => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A device of a model with a half-yearly plan whose next occurrence is due in <paramref name="dueInDays"/>
    /// days, its work order opened, and technicians on shift in the region.</summary>
    private async Task<(Scenario Scenario, string Serial, MaintenanceDue Due, string Number)> WorkOrderAsync(int dueInDays = 20)
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.Maintenance, capacity: 10);
        await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 10);
        var customer = (await scenario.CustomerAsync()).Id;
        var (_, serial) = await scenario.MaintainedDeviceAsync(customer, Today.AddMonths(-6).AddDays(dueInDays), HalfYearly);
        var due = (await scenario.Device(serial).GetMaintenanceAsync())!.Plans.Single().Next!;
        await scenario.Device(serial).OnMaintenanceDueAsync(due);
        var number = Assert.Single((await scenario.Device(serial).GetAsync())!.MaintenanceOrders).CaseNumber;
        return (scenario, serial, due, number);
    }

    private static async Task<MaintenancePlanStatus> PlanAsync(Scenario scenario, string serial) =>
        (await scenario.Device(serial).GetMaintenanceAsync())!.Plans.Single();

    private static async Task<DeviceMaintenanceOrder> OrderAsync(Scenario scenario, string serial, string number) =>
        (await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders.Single(o => o.CaseNumber == number);

    private static string Period(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ATransferredWorkOrderIsOverdueUnderItsNewDepartmentAndLeavesTheListWhenResolved()
    {
        var (scenario, serial, due, number) = await WorkOrderAsync();
        var region = fixture.Grains.GetGrain<IMaintenanceOrdersGrain>(scenario.Region);
        // A while after the window ended (not on a round time: other tests' windows are aligned to round times).
        fixture.Clock.Advance(due.DueAt.AddDays(8).AddSeconds(2345) - fixture.Clock.GetUtcNow());
        Assert.Equal(number, Assert.Single(await region.GetOverdueAsync("maintenance", 100)).CaseNumber);

        var moved = await scenario.Case(number).TransferAsync(new TransferCaseRequest(Department.TechnicalSupport, "Refrigerant leak suspected.", "planner"));

        Assert.True(moved.IsSuccess, moved.Error?.Message);
        Assert.Empty(await region.GetOverdueAsync("maintenance", 100));
        var overdue = Assert.Single(await region.GetOverdueAsync("technical-support", 100));
        Assert.Equal((number, serial, "technical-support", scenario.Region), (overdue.CaseNumber, overdue.Serial, overdue.Department, overdue.Region));

        await scenario.ApplyAsync(number, CaseAction.Start);
        await scenario.ResolveAsync(number);

        Assert.Empty(await region.GetOverdueAsync(null, 100));
    }

    [Fact]
    public async Task AWorkOrderAssignedToATechnicianOfAnotherRegionMovesToThatRegionsOverdueList()
    {
        var (scenario, serial, due, number) = await WorkOrderAsync();
        var elsewhere = new Scenario(fixture);
        var technician = await elsewhere.TechnicianAsync(Department.Maintenance, capacity: 10);
        fixture.Clock.Advance(due.DueAt.AddDays(8).AddSeconds(3456) - fixture.Clock.GetUtcNow());

        var assigned = await scenario.Case(number).AssignAsync(new AssignCaseRequest(technician, "Nearest free technician.", "planner"));

        Assert.True(assigned.IsSuccess, assigned.Error?.Message);
        Assert.Empty(await fixture.Grains.GetGrain<IMaintenanceOrdersGrain>(scenario.Region).GetOverdueAsync(null, 100));
        var overdue = Assert.Single(await fixture.Grains.GetGrain<IMaintenanceOrdersGrain>(elsewhere.Region).GetOverdueAsync("maintenance", 100));
        Assert.Equal((number, serial, elsewhere.Region), (overdue.CaseNumber, overdue.Serial, overdue.Region));
    }

    [Fact]
    public async Task ACancelledWorkOrderDoesNotServeItsOccurrenceAndTheOccurrenceIsNotOpenedAgainByItself()
    {
        var (scenario, serial, due, number) = await WorkOrderAsync();
        var dueDay = DateOnly.FromDateTime(due.DueAt.UtcDateTime);

        await scenario.ApplyAsync(number, CaseAction.Cancel, actor: "planner");
        await scenario.Device(serial).OnMaintenanceDueAsync(due);

        var plan = await PlanAsync(scenario, serial);
        var order = Assert.Single((await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders);
        Assert.Equal((number, false, true, (string?)null), (order.CaseNumber, order.Open, order.Cancelled, order.ReissuedAs));
        Assert.NotNull(order.EndedAt);
        // Not served: no last visit; the plan keeps its rhythm from the occurrence, not from the cancellation.
        Assert.Equal(((DateOnly?)null, (string?)null, Period(dueDay.AddMonths(6))), (plan.LastVisitOn, plan.OpenWorkOrder, plan.Next!.Period));
        var history = (await scenario.Device(serial).GetHistoryAsync(0, 1000))!.Events;
        Assert.Single(history, e => e.Kind == DeviceEventKinds.MaintenanceCancelled);
        Assert.Equal(DeviceStatus.InService, (await scenario.Device(serial).GetAsync())!.Status);
    }

    [Fact]
    public async Task ACancelledWorkOrderIsReissuedOnceForTheSameOccurrenceAndItsResolutionServesIt()
    {
        var (scenario, serial, due, number) = await WorkOrderAsync();
        await scenario.ApplyAsync(number, CaseAction.Cancel, actor: "planner");

        var reissued = await scenario.Device(serial).ReissueMaintenanceOrderAsync(number, "planner");
        var repeat = await scenario.Device(serial).ReissueMaintenanceOrderAsync(number, "planner");
        await scenario.Device(serial).OnMaintenanceDueAsync(due);

        Assert.True(reissued.IsSuccess, reissued.Error?.Message);
        Assert.Equal((false, true), (reissued.Replayed, repeat.Replayed));
        var orders = (await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders;
        Assert.Equal(2, orders.Length);
        var reissue = orders.Single(o => o.CaseNumber != number);
        Assert.Equal((number, true), (reissue.Reissues, reissue.Open));
        Assert.Equal(reissue.CaseNumber, orders.Single(o => o.CaseNumber == number).ReissuedAs);
        Assert.Equal(orders.Single(o => o.CaseNumber == number).Order, reissue.Order);
        var opened = (await scenario.Case(reissue.CaseNumber).GetAsync())!;
        Assert.Equal((CaseType.Maintenance, due.Period), (opened.Type, opened.Maintenance!.Period));
        Assert.Equal(reissue.CaseNumber, (await PlanAsync(scenario, serial)).OpenWorkOrder);

        await scenario.ApplyAsync(reissue.CaseNumber, CaseAction.Start);
        await scenario.ResolveAsync(reissue.CaseNumber);

        var plan = await PlanAsync(scenario, serial);
        Assert.Equal(((DateOnly?)Today, Period(Today.AddMonths(6))), (plan.LastVisitOn, plan.Next!.Period));
    }

    [Fact]
    public async Task OnlyACancelledWorkOrderOfTheDeviceIsReissued()
    {
        var (scenario, serial, _, number) = await WorkOrderAsync();

        var open = await scenario.Device(serial).ReissueMaintenanceOrderAsync(number, "planner");
        var unknown = await scenario.Device(serial).ReissueMaintenanceOrderAsync("AS-0", "planner");
        await scenario.ApplyAsync(number, CaseAction.Start);
        await scenario.ResolveAsync(number);
        var completed = await scenario.Device(serial).ReissueMaintenanceOrderAsync(number, "planner");

        Assert.Equal(ErrorKind.Conflict, open.Error?.Kind);
        Assert.Equal((ErrorKind.NotFound, "number"), (unknown.Error?.Kind, unknown.Error?.Field));
        Assert.Equal(ErrorKind.Conflict, completed.Error?.Kind);
        Assert.Contains("was completed", completed.Error!.Message, StringComparison.Ordinal);
        Assert.Single((await scenario.Device(serial).GetMaintenanceAsync())!.WorkOrders);
    }

    [Fact]
    public async Task ACrashBetweenTheReissuesClaimAndItsOpenOpensTheSameWorkOrderOnRepeat()
    {
        var (scenario, serial, _, number) = await WorkOrderAsync();
        await scenario.ApplyAsync(number, CaseAction.Cancel, actor: "planner");
        // The re-issued case's write fails: the re-issue's claim is stored, its case is not.
        fixture.Faults.FailNextWrite(state => state is CaseState { Version: 1 } opening && opening.DeviceSerial == serial);

        await Assert.ThrowsAnyAsync<Exception>(() => scenario.Device(serial).ReissueMaintenanceOrderAsync(number, "planner"));
        var claimed = (await OrderAsync(scenario, serial, number)).ReissuedAs!;
        Assert.Null(await scenario.Case(claimed).GetAsync());
        await fixture.Cluster.DeactivateAsync(scenario.Device(serial));
        var repeat = await scenario.Device(serial).ReissueMaintenanceOrderAsync(number, "planner");

        Assert.True(repeat.Replayed);
        var orders = repeat.Value!.WorkOrders;
        Assert.Equal(2, orders.Length);
        Assert.Equal((claimed, true), (orders.Single(o => o.Reissues == number).CaseNumber, orders.Single(o => o.Reissues == number).Open));
        Assert.Equal(CaseType.Maintenance, (await scenario.Case(claimed).GetAsync())!.Type);
        Assert.Equal(claimed, Assert.Single((await scenario.Device(serial).GetAsync())!.OpenCases));
    }

    [Fact]
    public async Task ACancelledWorkOrderCountsNoVisitAndNoFirstTimeFix()
    {
        var (scenario, serial, _, number) = await WorkOrderAsync();
        var visited = await scenario.Case(number).RecordVisitAsync(new RecordVisitRequest(
            null, "Cleaned the filter.", [], 40, null, null, VisitOutcome.Fixed, "tech-1"));
        var before = (await scenario.Device(serial).GetReliabilityAsync())!;

        await scenario.ApplyAsync(number, CaseAction.Cancel, actor: "planner");

        Assert.True(visited.IsSuccess, visited.Error?.Message);
        Assert.Equal((1L, 1L), (before.CasesVisited, before.FirstTimeFixes));
        var after = (await scenario.Device(serial).GetReliabilityAsync())!;
        Assert.Equal((0L, 0L, 0L, 0L, (double?)null), (after.CasesVisited, after.FirstTimeFixes, after.Visits, after.Repairs, after.FirstTimeFixRate));
    }
}
