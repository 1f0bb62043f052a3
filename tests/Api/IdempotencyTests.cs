using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Api.Customers;
using AfterSales.Api.Devices;
using AfterSales.Api.Technicians;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Creates with an Idempotency-Key: a repeat gets the original answer, a different body with the same key
/// is refused, and racing repeats make one resource.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task RepeatingACaseCreateWithTheSameKeyReturnsTheSameCase()
    {
        var customer = await api.CreateCustomerAsync();
        var key = ApiDriver.Unique("key");

        using var first = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id), ("Idempotency-Key", key));
        using var second = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id), ("Idempotency-Key", key));

        var original = await ApiDriver.ReadAsync<CaseResponse>(first, HttpStatusCode.Created);
        var replayed = await ApiDriver.ReadAsync<CaseResponse>(second, HttpStatusCode.Created);
        Assert.Equal(original.Number, replayed.Number);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        var cases = await ApiDriver.ReadAsync<CaseSummaryResponse[]>(
            await api.Client.GetAsync($"/api/customers/{customer.Id}/cases"), HttpStatusCode.OK);
        Assert.Single(cases);
    }

    [Fact]
    public async Task ReusingAKeyWithADifferentBodyIsRefusedWith422()
    {
        var customer = await api.CreateCustomerAsync();
        var key = ApiDriver.Unique("key");
        using var first = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id, subject: "First"), ("Idempotency-Key", key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id, subject: "Second"), ("Idempotency-Key", key));

        await Problem.AssertAsync(second, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
    }

    [Fact]
    public async Task ConcurrentCreatesWithOneKeyMakeOneCase()
    {
        var customer = await api.CreateCustomerAsync();
        var key = ApiDriver.Unique("key");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id), ("Idempotency-Key", key));
            return await ApiDriver.ReadAsync<CaseResponse>(response, HttpStatusCode.Created);
        }));

        Assert.Single(responses.Select(r => r.Number).Distinct());
        var cases = await ApiDriver.ReadAsync<CaseSummaryResponse[]>(
            await api.Client.GetAsync($"/api/customers/{customer.Id}/cases"), HttpStatusCode.OK);
        Assert.Equal([responses[0].Number], cases.Select(c => c.Number));
    }

    [Fact]
    public async Task TheRequestHashIgnoresFormattingPropertyOrderAndPhoneSpelling()
    {
        var key = ApiDriver.Unique("key");
        using var first = await api.PostRawAsync("/api/customers",
            """{"name":"Chen Jie","phones":["138 0013 8000"],"region":"west","tier":"standard","language":"en"}""", ("Idempotency-Key", key));
        using var second = await api.PostRawAsync("/api/customers",
            """{ "language" : "en", "tier":"standard", "region":"west", "phones":["+86-138-0013-8000"], "name":"Chen Jie" }""", ("Idempotency-Key", key));

        var original = await ApiDriver.ReadAsync<CustomerResponse>(first, HttpStatusCode.Created);
        var replayed = await ApiDriver.ReadAsync<CustomerResponse>(second, HttpStatusCode.Created);
        Assert.Equal(original.Id, replayed.Id);
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
    }

    [Fact]
    public async Task ATechnicianCreatedWithoutAnIdIsCreatedOncePerKey()
    {
        var key = ApiDriver.Unique("key");
        var body = new { name = "Li Lei", department = "maintenance", region = "south", capacity = 4, onShift = false };

        using var first = await api.PostAsync("/api/technicians", body, ("Idempotency-Key", key));
        using var second = await api.PostAsync("/api/technicians", body, ("Idempotency-Key", key));

        var original = await ApiDriver.ReadAsync<TechnicianResponse>(first, HttpStatusCode.Created);
        var replayed = await ApiDriver.ReadAsync<TechnicianResponse>(second, HttpStatusCode.Created);
        Assert.StartsWith("T-", original.Id, StringComparison.Ordinal);
        Assert.Equal(original.Id, replayed.Id);
    }

    [Fact]
    public async Task ADeviceCreateIsReplayedAndAKeyIsScopedToItsRoute()
    {
        var customer = await api.CreateCustomerAsync();
        var key = ApiDriver.Unique("key");
        var serial = ApiDriver.Unique("SN");
        var model = await api.CreateModelAsync();
        var body = new { serial, model, customerId = customer.Id, site = "3 Garden Rd", installedOn = "2025-05-01", warrantyEnd = "2027-04-30" };

        using var first = await api.PostAsync("/api/devices", body, ("Idempotency-Key", key));
        using var second = await api.PostAsync("/api/devices", body, ("Idempotency-Key", key));
        using var otherRoute = await api.PostAsync("/api/cases", ApiDriver.CaseBody(customer.Id), ("Idempotency-Key", key));

        var device = await ApiDriver.ReadAsync<DeviceResponse>(first, HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2027, 4, 30), device.WarrantyEnd);
        Assert.Equal(device.Serial, (await ApiDriver.ReadAsync<DeviceResponse>(second, HttpStatusCode.Created)).Serial);
        Assert.Equal(HttpStatusCode.Created, otherRoute.StatusCode);
        var owner = await ApiDriver.ReadAsync<CustomerResponse>(await api.Client.GetAsync($"/api/customers/{customer.Id}"), HttpStatusCode.OK);
        Assert.Equal([serial], owner.Devices);
    }

    [Fact]
    public async Task CreatingAnExistingCustomerIdWithADifferentBodyIsAConflict()
    {
        var id = ApiDriver.Unique("C");
        using var first = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await api.PostAsync("/api/customers", ApiDriver.CustomerBody(id, region: "south"));

        await Problem.AssertAsync(second, HttpStatusCode.Conflict, "id");
    }
}
