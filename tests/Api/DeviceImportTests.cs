using System.Net;
using System.Globalization;
using AfterSales.Api.Customers;
using AfterSales.Api.Devices;
using AfterSales.Api.Maintenance;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The fleet import, <c>POST /api/devices/batch</c>: rows stored with their plans, bad rows named by index,
/// resent batches unchanged, taken serials refused on their own.</summary>
[Collection(ApiCollection.Name)]
public sealed class DeviceImportTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    private readonly string region = app.NewRegion();

    public void Dispose() => api.Client.Dispose();

    /// <summary>Ten days ago: the model's annual plan is next due a year after.</summary>
    private static readonly DateOnly InstalledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Row(string serial, string model, string customerId, string? site = null) =>
        new { serial, model, customerId, installedOn = Day(InstalledOn), site };

    private Task<HttpResponseMessage> ImportAsync(params object?[] rows) => api.PostAsync("/api/devices/batch", new { devices = rows });

    private async Task<ImportDevicesResponse> ImportOkAsync(params object?[] rows)
    {
        using var response = await ImportAsync(rows);
        return await ApiDriver.ReadAsync<ImportDevicesResponse>(response, HttpStatusCode.OK);
    }

    private async Task<(string Model, string Customer)> FleetOwnerAsync() =>
        (await api.CreateModelAsync(), (await api.CreateCustomerAsync(region)).Id);

    private async Task<HttpStatusCode> DeviceStatusAsync(string serial)
    {
        using var response = await api.Client.GetAsync($"/api/devices/{serial}");
        return response.StatusCode;
    }

    [Fact]
    public async Task AGoodBatchRegistersEveryDeviceToItsOwnerWithItsModelsPlanScheduled()
    {
        var (model, customer) = await FleetOwnerAsync();
        var serials = Enumerable.Range(0, 3).Select(_ => ApiDriver.Unique("SN")).ToArray();

        var answer = await ImportOkAsync([.. serials.Select(s => Row(s, model, customer))]);

        Assert.Equal((3, 3, 0), (answer.Devices, answer.Created, answer.Unchanged));
        Assert.Equal(serials, answer.Results.Select(r => r.Serial));
        Assert.All(answer.Results, r => Assert.Equal(AfterSales.Devices.DeviceImportStatus.Created, r.Outcome));
        using var owner = await api.Client.GetAsync($"/api/customers/{customer}");
        Assert.Equal(serials.Order(), (await ApiDriver.ReadAsync<CustomerResponse>(owner, HttpStatusCode.OK)).Devices.Order());
        using var plans = await api.Client.GetAsync($"/api/devices/{serials[1]}/maintenance");
        var plan = Assert.Single((await ApiDriver.ReadAsync<DeviceMaintenanceResponse>(plans, HttpStatusCode.OK)).Plans);
        Assert.Equal(Day(InstalledOn.AddDays(365)), plan.Next?.Period);
    }

    [Fact]
    public async Task AMalformedRowRefusesTheWholeBatchNamingItsIndexAndNothingIsStored()
    {
        var (model, customer) = await FleetOwnerAsync();
        var good = ApiDriver.Unique("SN");

        using var response = await ImportAsync(Row(good, model, customer), Row("not a serial", model, customer),
            new { serial = ApiDriver.Unique("SN"), model, customerId = customer, installedOn = Day(InstalledOn), shippedOn = Day(InstalledOn.AddDays(1)) });

        var problem = await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "devices[1].serial");
        Assert.NotEmpty(Problem.Messages(problem, "devices[2].installedOn"));
        Assert.Equal(HttpStatusCode.NotFound, await DeviceStatusAsync(good));
    }

    [Fact]
    public async Task ASerialTwiceInOneBatchIsNamedAtItsSecondRow()
    {
        var (model, customer) = await FleetOwnerAsync();
        var serial = ApiDriver.Unique("SN");

        using var response = await ImportAsync(Row(serial, model, customer), Row(ApiDriver.Unique("SN"), model, customer), Row(serial, model, customer));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "devices[2].serial");
        Assert.Equal(HttpStatusCode.NotFound, await DeviceStatusAsync(serial));
    }

    [Fact]
    public async Task AnEmptyBatchAndOneOverTheLimitAre400OnDevices()
    {
        var (model, customer) = await FleetOwnerAsync();
        var tooMany = Enumerable.Range(0, 1001).Select(i => Row($"SN-OVER-{i}", model, customer)).ToArray();

        using var empty = await ImportAsync();
        using var over = await ImportAsync(tooMany);

        await Problem.AssertAsync(empty, HttpStatusCode.BadRequest, "devices");
        await Problem.AssertAsync(over, HttpStatusCode.BadRequest, "devices");
        Assert.Equal(HttpStatusCode.NotFound, await DeviceStatusAsync("SN-OVER-0"));
    }

    [Fact]
    public async Task ARowNamingAnUnknownCustomerOrModelRefusesTheWholeBatchWith404()
    {
        var (model, customer) = await FleetOwnerAsync();
        var good = ApiDriver.Unique("SN");

        using var response = await ImportAsync(Row(good, model, customer), Row(ApiDriver.Unique("SN"), model, ApiDriver.Unique("C")),
            Row(ApiDriver.Unique("SN"), ApiDriver.Unique("HX"), customer));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.NotFound, "devices[1].customerId");
        Assert.NotEmpty(Problem.Messages(problem, "devices[2].model"));
        Assert.Equal(HttpStatusCode.NotFound, await DeviceStatusAsync(good));
    }

    [Fact]
    public async Task ResendingABatchAnswersEveryRowUnchangedAndStoresNothingTwice()
    {
        var (model, customer) = await FleetOwnerAsync();
        var single = await api.CreateDeviceAsync(customer, model);
        object[] rows = [Row(ApiDriver.Unique("SN"), model, customer), Row(ApiDriver.Unique("SN"), model, customer, site: "Plant 2")];

        var first = await ImportOkAsync(rows);
        var again = await ImportOkAsync(rows);
        var alone = await ImportOkAsync(new { serial = single.Serial, model, customerId = customer });

        Assert.Equal((2, 0), (first.Created, first.Unchanged));
        Assert.Equal((0, 2), (again.Created, again.Unchanged));
        Assert.Equal((0, 1), (alone.Created, alone.Unchanged));
        using var history = await api.Client.GetAsync($"/api/devices/{first.Results[1].Serial}/history");
        Assert.Single((await ApiDriver.ReadAsync<DeviceHistoryResponse>(history, HttpStatusCode.OK)).Events);
    }

    [Fact]
    public async Task ASerialRegisteredOtherwiseIsRefusedAt409AndTheOtherRowsAreStored()
    {
        var (model, customer) = await FleetOwnerAsync();
        var taken = await api.CreateDeviceAsync(customer, model);
        var fresh = ApiDriver.Unique("SN");

        using var response = await ImportAsync(Row(fresh, model, customer), Row(taken.Serial, model, customer, site: "Elsewhere"));

        var problem = await Problem.AssertAsync(response, HttpStatusCode.Conflict, "devices[1].serial");
        var results = problem.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()!).ToArray();
        Assert.Equal<string[]>(["created", "refused"], results);
        Assert.Equal(1, problem.GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await DeviceStatusAsync(fresh));
        using var kept = await api.Client.GetAsync($"/api/devices/{taken.Serial}");
        Assert.Null((await ApiDriver.ReadAsync<DeviceResponse>(kept, HttpStatusCode.OK)).Site);
    }
}
