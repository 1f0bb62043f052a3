using System.Net;
using AfterSales.Api.Cases;
using AfterSales.Cases;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>Capacity read as "how many cases at once": a technician with capacity 1 is given a fault case (2 units)
/// when it holds nothing, and the next one when that is resolved.</summary>
[Collection(ApiCollection.Name)]
public sealed class CapacityRuleTests(ApiApplication app) : IDisposable
{
    private readonly ApiDriver api = new(app.CreateApiClient());

    public void Dispose() => api.Client.Dispose();

    [Fact]
    public async Task AFaultCaseGoesToAnIdleTechnicianWithCapacityOneAndTheNextWaitsForIt()
    {
        var region = app.NewRegion();
        var technician = await api.CreateTechnicianAsync("technical-support", region, capacity: 1);
        var customer = await api.CreateCustomerAsync(region);

        var first = await api.OpenCaseAsync(customer.Id, "fault", null, null);
        var second = await api.OpenCaseAsync(customer.Id, "fault", null, null);

        Assert.Equal((CaseStatus.Assigned, technician.Id), (first.Status, first.AssignedTechnicianId));
        Assert.Equal(CaseStatus.New, second.Status);
        Assert.NotNull(second.Waiting);
        foreach (var (action, body) in new (string, object?)[] { ("start", null), ("resolve", new { summary = "Replaced the seal." }) })
        {
            using var response = body is null
                ? await api.SendAsync(HttpMethod.Post, $"/api/cases/{first.Number}/{action}", null)
                : await api.PostAsync($"/api/cases/{first.Number}/{action}", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await ApiDriver.EventuallyAsync(
            async () => (await api.GetCaseAsync(second.Number)).Case.AssignedTechnicianId == technician.Id,
            "the second case is pulled by the technician");
        Assert.Null((await api.GetCaseAsync(second.Number)).Case.Waiting);
    }
}
