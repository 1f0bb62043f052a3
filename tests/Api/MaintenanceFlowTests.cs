using System.Globalization;
using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Devices;
using AfterSales.Api.Maintenance;
using AfterSales.Devices;
using AfterSales.Maintenance;
using AfterSales.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Api;

/// <summary>From plan to work order to overdue list to the next occurrence, on an app with a fake clock. The scheduler's
/// hand-over is made here as the scheduler makes it (<see cref="IDeviceGrain.OnMaintenanceDueAsync"/>).</summary>
public sealed class MaintenanceFlowTests(FakeClockApiApplication app) : IClassFixture<FakeClockApiApplication>, IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task ADueOccurrenceOpensAWorkOrderThatTurnsOverdueInItsRegionAndTheVisitSchedulesTheNext()
    {
        var region = app.NewRegion();
        await api.CreateTechnicianAsync("maintenance", region);
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
        var next = await NextAsync(serial);

        app.Clock.Advance(next.DueAt.AddSeconds(4321) - app.Clock.GetUtcNow());
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeviceGrain>(serial)
            .OnMaintenanceDueAsync(new MaintenanceDue(serial, "quarterly", next.Period, next.DueAt, next.FireAt));
        var device = await DeviceAsync(serial);
        var order = Assert.Single(device.MaintenanceOrders);
        var (workOrder, _) = await api.GetCaseAsync(order.CaseNumber);
        var onTime = await OverdueAsync($"region={region}");

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
        Assert.Equal(order.CaseNumber, Assert.Single(late.WorkOrders).CaseNumber);
        Assert.True(lateDevice.MaintenanceOverdue);
        Assert.Empty(otherDepartment.WorkOrders);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, resolved.StatusCode));
        Assert.Empty(afterVisit.WorkOrders);
        Assert.Equal(Today.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), following.Period);
    }

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
