using System.Globalization;
using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Devices;
using AfterSales.Api.Maintenance;
using AfterSales.Api.Models;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>From plan to work order to overdue list to the next occurrence, and from a model's plan change to its
/// devices' schedules, on an app with a fake clock. The scheduler's hand-over is made here as the scheduler makes it
/// (<see cref="IDeviceGrain.OnMaintenanceDueAsync"/>). The spare regions' calendar is Asia/Shanghai, so days are
/// Shanghai's days.</summary>
public sealed class MaintenanceFlowTests(FakeClockApiApplication app) : IClassFixture<FakeClockApiApplication>, IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById(ApiApplication.SpareRegionTimeZone);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Shanghai).DateTime);

    [Fact]
    public async Task ADueOccurrenceOpensAWorkOrderThatTurnsOverdueInItsRegionAndTheVisitSchedulesTheNext()
    {
        var (region, serial) = await QuarterlyDeviceAsync();
        var next = await NextAsync(serial);

        app.Clock.Advance(next.DueAt.AddSeconds(4321) - app.Clock.GetUtcNow());
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(serial)
            .OnMaintenanceDueAsync(new MaintenanceDue(serial, "quarterly", next.Period, next.DueAt, next.FireAt));
        var device = await DeviceAsync(serial);
        var order = Assert.Single(device.MaintenanceOrders);
        var (workOrder, _) = await api.GetCaseAsync(order.CaseNumber);
        var onTime = await OverdueAsync($"region={region}");
        var dueDay = DateOnly.ParseExact(next.Period, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        app.Clock.Advance(TimeSpan.FromDays(3));
        var late = await OverdueAsync($"region={region}&department=maintenance");
        var lateDevice = await DeviceAsync(serial);
        var otherDepartment = await OverdueAsync($"region={region}&department=installation");
        using var started = await api.PostAsync($"/api/cases/{order.CaseNumber}/start", new { }, ("X-Actor", "tech-1"));
        using var resolved = await api.PostAsync($"/api/cases/{order.CaseNumber}/resolve", new { summary = "Checked and cleaned." }, ("X-Actor", "tech-1"));
        var afterVisit = await OverdueAsync($"region={region}");
        var following = await NextAsync(serial);

        Assert.Equal(("maintenance", "maintenance", region), (workOrder.Type.ToString().ToLowerInvariant(), workOrder.Department.ToString().ToLowerInvariant(), workOrder.Region));
        Assert.Equal(new MaintenanceOrder("quarterly", next.Period, MaintenanceTriggerKind.Time, new DueWindow(next.DueAt, next.DueAt.AddDays(3)), workOrder.Maintenance!.Evidence), workOrder.Maintenance);
        Assert.Empty(onTime.WorkOrders);
        var overdue = Assert.Single(late.WorkOrders);
        Assert.Equal((order.CaseNumber, dueDay, dueDay.AddDays(3), ApiApplication.SpareRegionTimeZone),
            (overdue.CaseNumber, overdue.DueOn, overdue.OverdueFrom, overdue.TimeZone));
        Assert.Equal(StartOf(dueDay), next.DueAt);
        Assert.True(lateDevice.MaintenanceOverdue);
        Assert.Empty(otherDepartment.WorkOrders);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, resolved.StatusCode));
        Assert.Empty(afterVisit.WorkOrders);
        Assert.Equal(Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), following.Period);
    }

    [Fact]
    public async Task ATransferredWorkOrderIsOverdueUnderItsNewDepartmentNotTheOld()
    {
        var (region, _, number) = await OverdueWorkOrderAsync();
        var before = await OverdueAsync($"region={region}&department=maintenance");

        using var moved = await api.PostAsync($"/api/cases/{number}/transfer",
            new { department = "technical-support", reason = "Refrigerant leak suspected." }, ("X-Actor", "planner"));
        var oldDepartment = await OverdueAsync($"region={region}&department=maintenance");
        var newDepartment = await OverdueAsync($"region={region}&department=technical-support");
        using var cancelled = await api.PostAsync($"/api/cases/{number}/cancel", new { reason = "Replaced by a repair." }, ("X-Actor", "planner"));
        var afterCancel = await OverdueAsync($"region={region}");

        Assert.Equal(number, Assert.Single(before.WorkOrders).CaseNumber);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Empty(oldDepartment.WorkOrders);
        var overdue = Assert.Single(newDepartment.WorkOrders);
        Assert.Equal((number, "technical-support"), (overdue.CaseNumber, overdue.Department));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Empty(afterCancel.WorkOrders);
    }

    [Fact]
    public async Task ACancelledWorkOrderIsNotServedAndIsReissuedOnceForTheSameOccurrence()
    {
        var (region, serial, number) = await OverdueWorkOrderAsync();

        using var cancelled = await api.PostAsync($"/api/cases/{number}/cancel", new { reason = "Customer away." }, ("X-Actor", "planner"));
        var maintenance = await MaintenanceAsync(serial);
        using var reissued = await api.PostAsync($"/api/devices/{serial}/maintenance/work-orders/{number}/reissue", new { }, ("X-Actor", "planner"));
        var first = await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(reissued, HttpStatusCode.Created);
        using var again = await api.PostAsync($"/api/devices/{serial}/maintenance/work-orders/{number}/reissue", new { }, ("X-Actor", "planner"));
        var second = await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(again, HttpStatusCode.OK);
        var reissue = first.WorkOrders.Single(o => o.Reissues == number);
        using var ofOpen = await api.PostAsync($"/api/devices/{serial}/maintenance/work-orders/{reissue.CaseNumber}/reissue", new { }, ("X-Actor", "planner"));
        using var unknown = await api.PostAsync($"/api/devices/{serial}/maintenance/work-orders/AS-1999-000001/reissue", new { }, ("X-Actor", "planner"));
        var overdue = await OverdueAsync($"region={region}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var order = Assert.Single(maintenance.WorkOrders);
        Assert.Equal((true, false), (order.Cancelled, order.Open));
        Assert.Null(Assert.Single(maintenance.Plans).LastVisitOn);
        Assert.Equal($"/api/cases/{reissue.CaseNumber}", reissued.Headers.Location?.OriginalString);
        Assert.Equal((true, order.Order), (reissue.Open, reissue.Order));
        Assert.Equal(2, second.WorkOrders.Length);
        Assert.Equal(reissue.CaseNumber, second.WorkOrders.Single(o => o.CaseNumber == number).ReissuedAs);
        await Problem.AssertAsync(ofOpen, HttpStatusCode.Conflict, "number");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "number");
        // Same occurrence, same window: the re-issue is overdue at once.
        Assert.Equal(reissue.CaseNumber, Assert.Single(overdue.WorkOrders).CaseNumber);
    }

    /// <summary>A device of a new model with a quarterly plan, in service for 5 days, in a region of its own with a
    /// maintenance and a technical-support technician.</summary>
    private async Task<(string Region, string Serial)> QuarterlyDeviceAsync()
    {
        var region = app.NewRegion();
        await api.CreateTechnicianAsync("maintenance", region);
        await api.CreateTechnicianAsync("technical-support", region);
        var customer = await api.CreateCustomerAsync(region);
        var code = ApiDriver.Unique("HX");
        using (var model = await api.PutAsync($"/api/models/{code}", new
        {
            name = "Heat pump HX",
            warrantyMonths = 24,
            maintenancePlans = new[] { new { id = "quarterly", name = "Quarterly check", intervalMonths = 3, estimatedMinutes = 45, windowDays = 2 } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, model.StatusCode);
        }
        var installed = Today.AddDays(-5);
        using var registered = await api.PostAsync("/api/devices", new
        {
            serial = ApiDriver.Unique("SN"), model = code, customerId = customer.Id, installedOn = installed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var serial = (await ApiDriver.ReadAsync<DeviceResponse>(registered, HttpStatusCode.Created)).Serial;
        return (region, serial);
    }

    /// <summary>A quarterly device (see <see cref="QuarterlyDeviceAsync"/>) whose work order is open past its window.</summary>
    private async Task<(string Region, string Serial, string Number)> OverdueWorkOrderAsync()
    {
        var (region, serial) = await QuarterlyDeviceAsync();
        var next = await NextAsync(serial);
        app.Clock.Advance(next.DueAt.AddSeconds(1234) - app.Clock.GetUtcNow());
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(serial)
            .OnMaintenanceDueAsync(new MaintenanceDue(serial, "quarterly", next.Period, next.DueAt, next.FireAt));
        app.Clock.Advance(TimeSpan.FromDays(3));
        var device = await DeviceAsync(serial);
        var order = Assert.Single(device.MaintenanceOrders);
        Assert.True(order.Overdue);
        return (region, serial, order.CaseNumber);
    }

    private async Task<DeviceMaintenanceResponse> MaintenanceAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}/maintenance");
        return await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task AModelsPlanChangeReachesItsDevicesScheduleWhileADevicesOwnPlanWins()
    {
        var region = app.NewRegion();
        var customer = await api.CreateCustomerAsync(region);
        var code = ApiDriver.Unique("HX");
        object Model(params object[] plans) => new { name = "Heat pump HX", warrantyMonths = 24, maintenancePlans = plans };
        using (var defined = await api.PutAsync($"/api/models/{code}", Model(
            new { id = "quarterly", name = "Quarterly check", intervalMonths = 3, estimatedMinutes = 45 },
            new { id = "monthly", name = "Monthly look", intervalMonths = 1, estimatedMinutes = 10 })))
        {
            Assert.Equal(1, (await ApiDriver.ReadAsync<ProductModelResponse>(defined, HttpStatusCode.Created)).MaintenancePlansVersion);
        }
        var installed = Today.AddDays(-5);
        var plain = await RegisterAsync(code, customer.Id, installed);
        var tailored = await RegisterAsync(code, customer.Id, installed);
        using (var own = await api.PutAsync($"/api/devices/{tailored}/maintenance-plans/quarterly",
            new { id = "quarterly", name = "Quarterly check, harsh site", intervalWeeks = 6, estimatedMinutes = 60 }))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }

        using var changed = await api.PutAsync($"/api/models/{code}", Model(
            new { id = "quarterly", name = "Quarterly check", intervalMonths = 2, estimatedMinutes = 45 },
            new { id = "weekly", name = "Weekly flush", intervalWeeks = 1, estimatedMinutes = 15, leadDays = 1 }));
        var model = await ApiDriver.ReadAsync<ProductModelResponse>(changed, HttpStatusCode.OK);
        var plainPlans = await PlansAsync(plain);
        var tailoredPlans = await PlansAsync(tailored);

        Assert.Equal(2, model.MaintenancePlansVersion);
        Assert.Equal(
            [("quarterly", PlanSource.Model, Day(installed.AddMonths(2))), ("weekly", PlanSource.Model, Day(installed.AddDays(7)))],
            plainPlans.Select(p => (p.Plan.Id, p.Source, p.Next!.Period)));
        Assert.Equal(
            [("quarterly", PlanSource.Device, Day(installed.AddDays(42))), ("weekly", PlanSource.Model, Day(installed.AddDays(7)))],
            tailoredPlans.Select(p => (p.Plan.Id, p.Source, p.Next!.Period)));
        var weekly = plainPlans[1].Next!;
        Assert.Equal((StartOf(installed.AddDays(7)), StartOf(installed.AddDays(6))), (weekly.DueAt, weekly.FireAt));
    }

    private async Task<string> RegisterAsync(string code, string customerId, DateOnly installed)
    {
        using var registered = await api.PostAsync("/api/devices", new { serial = ApiDriver.Unique("SN"), model = code, customerId, installedOn = Day(installed) });
        return (await ApiDriver.ReadAsync<DeviceResponse>(registered, HttpStatusCode.Created)).Serial;
    }

    private async Task<MaintenancePlanStatusResponse[]> PlansAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}/maintenance");
        return (await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(response, HttpStatusCode.OK)).Plans;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant <paramref name="day"/> begins in Shanghai (UTC+8, no daylight saving).</summary>
    private static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();

    private async Task<NextOccurrenceResponse> NextAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}/maintenance");
        return Assert.Single((await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(response, HttpStatusCode.OK)).Plans).Next!;
    }

    private async Task<DeviceResponse> DeviceAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}");
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.OK);
    }

    private async Task<OverdueMaintenanceResponse> OverdueAsync(string query)
    {
        using var response = await api.Client.GetAsync($"/api/maintenance/overdue?{query}");
        return await ApiDriver.ReadAsync<OverdueMaintenanceResponse>(response, HttpStatusCode.OK);
    }
}
