using System.Net;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Unknown ids answer 404 with the route parameter or body field that named them.</summary>
[Collection(ApiCollection.Name)]
public sealed class NotFoundTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Theory]
    [InlineData("/api/customers/{0}", "id")]
    [InlineData("/api/customers/{0}/cases", "id")]
    [InlineData("/api/devices/{0}", "serial")]
    [InlineData("/api/technicians/{0}", "id")]
    [InlineData("/api/technicians/{0}/assignments", "id")]
    [InlineData("/api/cases/{0}", "number")]
    [InlineData("/api/cases/{0}/history", "number")]
    [InlineData("/api/departments/plumbing/east", "department")]
    [InlineData("/api/departments/maintenance/atlantis", "region")]
    public async Task ReadingAnUnknownResourceAnswers404(string template, string field)
    {
        using var response = await api.Client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, ApiDriver.Unique("none")));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, field);
    }

    [Fact]
    public async Task AnActionOnAnUnknownCaseAnswers404()
    {
        using var response = await api.SendAsync(HttpMethod.Post, $"/api/cases/{ApiDriver.Unique("AS")}/start", null);

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "number");
    }

    [Fact]
    public async Task ANoteOnAnUnknownCaseAnswers404()
    {
        using var response = await api.PostAsync($"/api/cases/{ApiDriver.Unique("AS")}/notes", new { text = "Hello", visibility = "internal" });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "number");
    }

    [Fact]
    public async Task AShiftChangeOfAnUnknownTechnicianAnswers404()
    {
        using var response = await api.PostAsync($"/api/technicians/{ApiDriver.Unique("T")}/shift", new { onShift = true });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task ACaseForAnUnknownCustomerAnswers404()
    {
        using var response = await api.PostAsync("/api/cases", ApiDriver.CaseBody(ApiDriver.Unique("C")));

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "customerId");
    }

    [Fact]
    public async Task ADeviceOfAnUnknownCustomerAnswers404()
    {
        using var response = await api.PostAsync("/api/devices", new { serial = ApiDriver.Unique("SN"), model = "B-200", customerId = ApiDriver.Unique("C") });

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "customerId");
    }

    [Fact]
    public async Task ALookupOfAnUnlistedPhoneFindsNoCustomer()
    {
        using var response = await api.Client.GetAsync("/api/customers/lookup?phone=%2B14155552671");

        var found = await ApiDriver.ReadAsync<AfterSales.Api.Customers.CustomerLookupResponse>(response, HttpStatusCode.OK);
        Assert.Equal("+14155552671", found.Phone);
        Assert.Empty(found.Customers);
    }
}
