using System.Globalization;
using System.Net;
using AfterSales.Api.Devices;
using AfterSales.Api.Maintenance;
using AfterSales.Api.Models;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Maintenance plans through the API: every kind of schedule on a model, a device's own plans with ETags,
/// and bad input answered at its field.</summary>
[Collection(ApiCollection.Name)]
public sealed class MaintenanceTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object ModelWith(params object[] plans) => new { name = "Heat pump HX", warrantyMonths = 24, maintenancePlans = plans };

    private async Task<string> ModelAsync(params object[] plans)
    {
        var code = ApiDriver.Unique("HX");
        using var response = await api.PutAsync($"/api/models/{code}", ModelWith(plans));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private async Task<DeviceResponse> InServiceAsync(string model, DateOnly installedOn)
    {
        var customer = await api.CreateCustomerAsync(app.NewRegion());
        using var response = await api.PostAsync("/api/devices", new { serial = ApiDriver.Unique("SN"), model, customerId = customer.Id, installedOn = Day(installedOn) });
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task AModelKeepsPlansOfEveryKindOfSchedule()
    {
        var code = await ModelAsync(
            new { id = "monthly", name = "Monthly check", intervalMonths = 1, estimatedMinutes = 20, leadDays = 3, windowDays = 5 },
            new { id = "fortnightly", name = "Filter", intervalWeeks = 2, estimatedMinutes = 10 },
            new { id = "spring", name = "Spring service", recurrence = "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO", estimatedMinutes = 90 },
            new { id = "hours", name = "Oil change", meter = "operatingHours", usageInterval = 500.5, estimatedMinutes = 30, windowDays = 2 });

        using var read = await api.Client.GetAsync($"/api/models/{code}");
        var model = await ApiDriver.ReadAsync<ProductModelResponse>(read, HttpStatusCode.OK);

        Assert.Equal(
            [("monthly", 1, 0, null, null, 0m, 3, 5), ("fortnightly", 0, 2, null, null, 0m, 0, 0),
             ("spring", 0, 0, "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO", null, 0m, 0, 0), ("hours", 0, 0, null, "operatingHours", 500.5m, 0, 2)],
            model.MaintenancePlans.Select(p => (p.Id, p.IntervalMonths, p.IntervalWeeks, p.Recurrence, p.Meter, p.UsageInterval, p.LeadDays, p.WindowDays)));
    }

    [Theory]
    [InlineData("""{"id":"p","name":"P","estimatedMinutes":30}""", "maintenancePlans[0].intervalDays")]
    [InlineData("""{"id":"p","name":"P","intervalDays":30,"intervalMonths":1,"estimatedMinutes":30}""", "maintenancePlans[0].intervalMonths")]
    [InlineData("""{"id":"p","name":"P","recurrence":"FREQ=HOURLY","estimatedMinutes":30}""", "maintenancePlans[0].recurrence")]
    [InlineData("""{"id":"p","name":"P","recurrence":"EVERY TUESDAY","estimatedMinutes":30}""", "maintenancePlans[0].recurrence")]
    [InlineData("""{"id":"p","name":"P","meter":"hours","estimatedMinutes":30}""", "maintenancePlans[0].usageInterval")]
    [InlineData("""{"id":"p","name":"P","meter":"hours","usageInterval":100,"leadDays":3,"estimatedMinutes":30}""", "maintenancePlans[0].leadDays")]
    [InlineData("""{"id":"p","name":"P","intervalWeeks":600,"estimatedMinutes":30}""", "maintenancePlans[0].intervalWeeks")]
    public async Task APlanWithoutOneValidScheduleIsRefusedAtItsField(string plan, string field)
    {
        using var response = await api.SendAsync(HttpMethod.Put, $"/api/models/{ApiDriver.Unique("HX")}",
            ApiDriver.JsonBody($$"""{"name":"Heat pump","warrantyMonths":24,"maintenancePlans":[{{plan}}]}"""));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ADevicesOwnPlanReplacesTheModelsUntilRemovedAndChangesFollowTheETag()
    {
        var code = await ModelAsync(new { id = "service", name = "Service", intervalMonths = 6, estimatedMinutes = 60, leadDays = 14 });
        var installed = Today.AddDays(-20);
        var device = await InServiceAsync(code, installed);
        var path = $"/api/devices/{device.Serial}";

        using var first = await api.Client.GetAsync($"{path}/maintenance");
        var inherited = await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(first, HttpStatusCode.OK);
        var etag = first.Headers.ETag!.Tag;
        var own = new { id = "service", name = "Harsh-site service", intervalWeeks = 8, estimatedMinutes = 60 };
        using var stale = await api.PutAsync($"{path}/maintenance-plans/service", own, ("If-Match", "\"999\""));
        using var put = await api.PutAsync($"{path}/maintenance-plans/service", own, ("If-Match", etag));
        var replaced = await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(put, HttpStatusCode.OK);
        using var delete = await api.DeleteAsync($"{path}/maintenance-plans/service", ("If-Match", put.Headers.ETag!.Tag));
        var back = await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(delete, HttpStatusCode.OK);

        var plan = Assert.Single(inherited.Plans);
        Assert.Equal((PlanSource.Model, Day(installed.AddMonths(6))), (plan.Source, plan.Next!.Period));
        Assert.Equal(plan.Next.DueAt.AddDays(-14), plan.Next.FireAt);
        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        var mine = Assert.Single(replaced.Plans);
        Assert.Equal((PlanSource.Device, "Harsh-site service", Day(installed.AddDays(56))), (mine.Source, mine.Plan.Name, mine.Next!.Period));
        Assert.Equal((PlanSource.Model, Day(installed.AddMonths(6))), (Assert.Single(back.Plans).Source, back.Plans[0].Next!.Period));
    }

    [Fact]
    public async Task BadDevicePlanRequestsAreAnsweredAtTheirField()
    {
        var code = await ModelAsync(new { id = "service", name = "Service", intervalMonths = 6, estimatedMinutes = 60 });
        var device = await InServiceAsync(code, Today.AddDays(-1));
        var path = $"/api/devices/{device.Serial}/maintenance-plans";

        using var mismatch = await api.PutAsync($"{path}/other", new { id = "service", name = "S", intervalDays = 30, estimatedMinutes = 60 });
        using var noSchedule = await api.PutAsync($"{path}/service", new { id = "service", name = "S", estimatedMinutes = 60 });
        using var unknownDevice = await api.PutAsync($"/api/devices/{ApiDriver.Unique("SN")}/maintenance-plans/service", new { id = "service", name = "S", intervalDays = 30, estimatedMinutes = 60 });
        using var notOwn = await api.DeleteAsync($"{path}/service");
        using var unknownRead = await api.Client.GetAsync($"/api/devices/{ApiDriver.Unique("SN")}/maintenance");

        await Problem.AssertAsync(mismatch, HttpStatusCode.BadRequest, "id");
        await Problem.AssertAsync(noSchedule, HttpStatusCode.BadRequest, "intervalDays");
        await Problem.AssertAsync(unknownDevice, HttpStatusCode.NotFound, "serial");
        await Problem.AssertAsync(notOwn, HttpStatusCode.NotFound, "planId");
        await Problem.AssertAsync(unknownRead, HttpStatusCode.NotFound, "serial");
    }

    [Theory]
    [InlineData("region=atlantis", "region")]
    [InlineData("department=plumbing", "department")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=lots", "limit")]
    public async Task AnOverdueQueryWithAnUnknownRegionDepartmentOrLimitIsRefused(string query, string field)
    {
        using var response = await api.Client.GetAsync($"/api/maintenance/overdue?{query}");

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }
}
