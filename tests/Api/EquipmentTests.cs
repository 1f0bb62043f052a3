using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Contracts;
using AfterSales.Api.Devices;
using AfterSales.Devices;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Devices of catalogue models through their life, service contracts, and the entitlement cases record.</summary>
[Collection(ApiCollection.Name)]
public sealed class EquipmentTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object ContractBody(string customerId, string[] serials, string tier = "premium", string? start = null, string? end = null) => new
    {
        customerId,
        tier,
        coverage = new { parts = true, labour = true, onSite = false },
        start = start ?? Day(Today.AddDays(-1)),
        end = end ?? Day(Today.AddYears(1)),
        deviceSerials = serials,
    };

    private async Task<DeviceResponse> RegisterAsync(string customerId, string model, string? shippedOn = null)
    {
        using var response = await api.PostAsync("/api/devices", new { serial = ApiDriver.Unique("SN"), model, customerId, shippedOn, shipmentId = "SHP-7" });
        return await ApiDriver.ReadAsync<DeviceResponse>(response, HttpStatusCode.Created);
    }

    [Fact]
    public async Task ADeviceOfAnUnknownModelIs404OnModelAndIsNotStored()
    {
        var customer = await api.CreateCustomerAsync();
        var serial = ApiDriver.Unique("SN");

        using var response = await api.PostAsync("/api/devices", new { serial, model = ApiDriver.Unique("HX"), customerId = customer.Id });
        using var read = await api.Client.GetAsync($"/api/devices/{serial}");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "model");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task AContractCoversADeviceAndAFaultCaseRecordsItsTierAndMakesTheDeviceFaulty()
    {
        var customer = await api.CreateCustomerAsync();
        var model = await api.CreateModelAsync(warrantyMonths: 12);
        var device = await RegisterAsync(customer.Id, model, shippedOn: Day(Today.AddDays(-10)));

        using var created = await api.PostAsync("/api/contracts", ContractBody(customer.Id, [device.Serial]), ("X-Actor", "sales-1"));
        var contract = await ApiDriver.ReadAsync<ContractResponse>(created, HttpStatusCode.Created);
        using var readContract = await api.Client.GetAsync(created.Headers.Location);
        var opened = await api.OpenCaseAsync(customer.Id, "fault", device.Serial, category: null);
        using var readDevice = await api.Client.GetAsync($"/api/devices/{device.Serial}");
        var current = await ApiDriver.ReadAsync<DeviceResponse>(readDevice, HttpStatusCode.OK);

        Assert.Equal((DeviceStatus.Shipped, "shipment"), (device.Status, device.Warranty!.Basis));
        Assert.Equal(Today.AddDays(80), device.Warranty.Start);
        Assert.Equal(("sales-1", contract.Id), (contract.CreatedBy, (await ApiDriver.ReadAsync<ContractResponse>(readContract, HttpStatusCode.OK)).Id));
        Assert.Equal(new EntitlementResponse(Today, true, false, device.WarrantyEnd, contract.Id, ContractTier.Premium, new ContractCoverage(true, true, false)),
            opened.Entitlement);
        Assert.Equal(contract.Id, Assert.Single(current.Contracts).ContractId);
        Assert.Contains(opened.Number, current.OpenCases);
        Assert.Contains(await api.GetHistoryAsync(opened.Number), e => e.Action == "entitlementChecked");
        Assert.Equal($"\"{current.Version}\"", readDevice.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task AnUncoveredDevicesCaseIsOpenedAndFlagged()
    {
        var customer = await api.CreateCustomerAsync();
        var model = await api.CreateModelAsync();
        var device = await RegisterAsync(customer.Id, model);

        var opened = await api.OpenCaseAsync(customer.Id, "fault", device.Serial, category: null);

        Assert.Null(device.Warranty);
        Assert.Equal((false, false, null), (opened.Entitlement!.Covered, opened.Entitlement.InWarranty, opened.Entitlement.ContractId));
    }

    [Fact]
    public async Task ADeviceIsDecommissionedOnceItsFaultCaseEndsWithItsHistoryPaged()
    {
        var customer = await api.CreateCustomerAsync();
        var device = await RegisterAsync(customer.Id, await api.CreateModelAsync());
        var opened = await api.OpenCaseAsync(customer.Id, "fault", device.Serial, category: null);
        var body = new { reason = "Replaced by a newer unit" };

        using var blocked = await api.PostAsync($"/api/devices/{device.Serial}/decommission", body);
        using (var cancel = await api.SendAsync(HttpMethod.Post, $"/api/cases/{opened.Number}/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }
        using var read = await api.Client.GetAsync($"/api/devices/{device.Serial}");
        var etag = read.Headers.ETag!.Tag;
        using var stale = await api.PostAsync($"/api/devices/{device.Serial}/decommission", body, ("If-Match", "\"1\""));
        using var done = await api.PostAsync($"/api/devices/{device.Serial}/decommission", body, ("If-Match", etag), ("X-Actor", "manager-1"));
        var decommissioned = await ApiDriver.ReadAsync<DeviceResponse>(done, HttpStatusCode.OK);
        using var firstPage = await api.Client.GetAsync($"/api/devices/{device.Serial}/history?limit=2");
        var page = await ApiDriver.ReadAsync<DeviceHistoryResponse>(firstPage, HttpStatusCode.OK);
        using var lastPage = await api.Client.GetAsync(page.Next);
        var rest = await ApiDriver.ReadAsync<DeviceHistoryResponse>(lastPage, HttpStatusCode.OK);

        await Problem.AssertAsync(blocked, HttpStatusCode.Conflict, "status");
        await Problem.AssertAsync(stale, HttpStatusCode.PreconditionFailed, "If-Match");
        Assert.Equal(DeviceStatus.Decommissioned, decommissioned.Status);
        Assert.Equal(["registered", "caseOpened"], page.Events.Select(e => e.Kind));
        Assert.Equal($"</api/devices/{device.Serial}/history?after=2&limit=2>; rel=\"next\"", firstPage.Headers.GetValues("Link").Single());
        Assert.Equal(["caseEnded", "decommissioned"], rest.Events.Select(e => e.Kind));
        Assert.Equal(("manager-1", "Replaced by a newer unit", (DeviceStatus?)DeviceStatus.Decommissioned), (rest.Events[^1].Actor, rest.Events[^1].Details, rest.Events[^1].To));
        Assert.Null(rest.Next);
    }

    [Fact]
    public async Task AContractOfAnotherCustomersDeviceIs422AndOfAnUnknownDevice404AndStoresNothing()
    {
        var customer = await api.CreateCustomerAsync();
        var stranger = await api.CreateCustomerAsync();
        var model = await api.CreateModelAsync();
        var own = await RegisterAsync(customer.Id, model);
        var theirs = await RegisterAsync(stranger.Id, model);

        using var foreign = await api.PostAsync("/api/contracts", ContractBody(customer.Id, [own.Serial, theirs.Serial]));
        using var unknown = await api.PostAsync("/api/contracts", ContractBody(customer.Id, [ApiDriver.Unique("SN")]));
        using var noCustomer = await api.PostAsync("/api/contracts", ContractBody(ApiDriver.Unique("C"), [own.Serial]));
        using var read = await api.Client.GetAsync($"/api/devices/{own.Serial}");

        await Problem.AssertAsync(foreign, HttpStatusCode.UnprocessableEntity, "deviceSerials[1]");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "deviceSerials[0]");
        await Problem.AssertAsync(noCustomer, HttpStatusCode.NotFound, "customerId");
        Assert.Empty((await ApiDriver.ReadAsync<DeviceResponse>(read, HttpStatusCode.OK)).Contracts);
    }

    [Theory]
    [InlineData("""{"customerId":"C-1","tier":"basic","coverage":{"parts":true,"labour":true,"onSite":true},"start":"2026-02-01","end":"2026-01-31","deviceSerials":["SN-1"]}""", "end")]
    [InlineData("""{"customerId":"C-1","tier":"gold","coverage":{"parts":true,"labour":true,"onSite":true},"start":"2026-01-01","end":"2026-12-31","deviceSerials":["SN-1"]}""", "tier")]
    [InlineData("""{"customerId":"C-1","tier":"basic","start":"2026-01-01","end":"2026-12-31","deviceSerials":["SN-1"]}""", "coverage")]
    [InlineData("""{"customerId":"C-1","tier":"basic","coverage":{"parts":true,"labour":true},"start":"2026-01-01","end":"2026-12-31","deviceSerials":["SN-1"]}""", "coverage.onSite")]
    [InlineData("""{"customerId":"C-1","tier":"basic","coverage":{"parts":true,"labour":true,"onSite":true},"start":"2026-01-01","end":"2026-12-31","deviceSerials":[]}""", "deviceSerials")]
    [InlineData("""{"customerId":"C-1","tier":"basic","coverage":{"parts":true,"labour":true,"onSite":true},"start":"2026-01-01","end":"2026-12-31","deviceSerials":["SN-1","SN-1"]}""", "deviceSerials[1]")]
    [InlineData("""{"customerId":"C-1","tier":"basic","coverage":{"parts":true,"labour":true,"onSite":true},"start":"2026-01-01","end":"2047-01-02","deviceSerials":["SN-1"]}""", "end")]
    [InlineData("""{"customerId":"C-1","tier":"basic","coverage":{"parts":true,"labour":true,"onSite":true},"start":"01/01/2026","end":"2026-12-31","deviceSerials":["SN-1"]}""", "start")]
    public async Task AMalformedContractIs400AtItsField(string json, string field)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/api/contracts", ApiDriver.JsonBody(json));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task AContractCreateIsReplayedWithItsIdempotencyKey()
    {
        var customer = await api.CreateCustomerAsync();
        var device = await RegisterAsync(customer.Id, await api.CreateModelAsync());
        var key = ApiDriver.Unique("key");

        using var first = await api.PostAsync("/api/contracts", ContractBody(customer.Id, [device.Serial]), ("Idempotency-Key", key));
        using var second = await api.PostAsync("/api/contracts", ContractBody(customer.Id, [device.Serial]), ("Idempotency-Key", key));
        using var other = await api.PostAsync("/api/contracts", ContractBody(customer.Id, [device.Serial], tier: "basic"), ("Idempotency-Key", key));

        var created = await ApiDriver.ReadAsync<ContractResponse>(first, HttpStatusCode.Created);
        Assert.Equal(created.Id, (await ApiDriver.ReadAsync<ContractResponse>(second, HttpStatusCode.Created)).Id);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        await Problem.AssertAsync(other, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Fact]
    public async Task BadDeviceRequestsAreRefusedOnTheirField()
    {
        var customer = await api.CreateCustomerAsync();
        var device = await RegisterAsync(customer.Id, await api.CreateModelAsync());

        using var blankReason = await api.PostAsync($"/api/devices/{device.Serial}/decommission", new { reason = " " });
        using var unknown = await api.PostAsync($"/api/devices/{ApiDriver.Unique("SN")}/decommission", new { reason = "Scrapped" });
        using var badLimit = await api.Client.GetAsync($"/api/devices/{device.Serial}/history?limit=0");
        using var unknownHistory = await api.Client.GetAsync($"/api/devices/{ApiDriver.Unique("SN")}/history");
        using var installedBeforeShipped = await api.PostAsync("/api/devices", new
        {
            serial = ApiDriver.Unique("SN"), model = "HX-1", customerId = customer.Id, shippedOn = "2026-03-02", installedOn = "2026-03-01",
        });
        using var unknownContract = await api.Client.GetAsync($"/api/contracts/{ApiDriver.Unique("SC")}");

        await Problem.AssertAsync(blankReason, HttpStatusCode.BadRequest, "reason");
        await Problem.AssertAsync(unknown, HttpStatusCode.NotFound, "serial");
        await Problem.AssertAsync(badLimit, HttpStatusCode.BadRequest, "limit");
        await Problem.AssertAsync(unknownHistory, HttpStatusCode.NotFound, "serial");
        await Problem.AssertAsync(installedBeforeShipped, HttpStatusCode.BadRequest, "installedOn");
        await Problem.AssertAsync(unknownContract, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task AnInstallationOfAModelIsRoutedToATechnicianWithItsInstallationSkills()
    {
        var region = app.NewRegion();
        var customer = await api.CreateCustomerAsync(region);
        var model = await api.CreateModelAsync(installationSkills: [("refrigerants", 3)]);
        var device = await RegisterAsync(customer.Id, model);
        await api.CreateTechnicianAsync("installation", region, [("refrigerants", 1)], capacity: 20);
        var qualified = await api.CreateTechnicianAsync("installation", region, [("refrigerants", 4)], capacity: 2);

        var opened = await api.OpenCaseAsync(customer.Id, "installation", device.Serial, category: null);

        Assert.Equal(qualified.Id, opened.AssignedTechnicianId);
        Assert.Contains($"model:{model}", (await api.GetRoutingAsync(opened.Number)).Decisions[^1].MatchedRuleIds);
    }
}
