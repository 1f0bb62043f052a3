using System.Net;
using AfterSales.Api.CaseList;
using AfterSales.Api.Cases;
using AfterSales.Api.Privacy;
using AfterSales.Tests.Api.Infrastructure;

namespace AfterSales.Tests.Api;

/// <summary>The GDPR erase reaches a case opened just before it, which the case list (a projection of the journal) has
/// not caught up with: the customer's own recent cases cover that moment.</summary>
public sealed class ErasureBeforeTheCaseListTests(SlowCaseListApiApplication app) : IClassFixture<SlowCaseListApiApplication>
{
    [Fact]
    public async Task ACaseOpenedJustBeforeTheEraseLosesItsTextsThoughTheCaseListHasNotListedIt()
    {
        using var client = app.CreateApiClient();
        var driver = new ApiDriver(client);
        var customer = await driver.CreateCustomerAsync(app.NewRegion());
        var opened = await driver.OpenCaseAsync(customer.Id);

        var report = await ApiDriver.ReadAsync<CustomerErasureResponse>(await client.PostAsync($"/api/customers/{customer.Id}/erase", null), HttpStatusCode.OK);

        Assert.Equal(1, report.Cases);
        var erased = await ApiDriver.ReadAsync<CaseResponse>(await client.GetAsync($"/api/cases/{opened.Number}"), HttpStatusCode.OK);
        Assert.Equal(("[erased]", "[erased]"), (erased.Subject, erased.Description));
        // The list lists it once it catches up, with the erased text.
        await ApiDriver.EventuallyAsync(async () => (await ApiDriver.ReadAsync<CaseListResponse>(
            await client.GetAsync($"/api/cases?customer={customer.Id}"), HttpStatusCode.OK)).Items.SingleOrDefault()?.Subject == "[erased]",
            "the case list to list the case with its erased subject");
    }
}
