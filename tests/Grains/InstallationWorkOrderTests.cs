using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Installation;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The installation fields of a case: an installation work order needs its device and a window; any case
/// can be related to others.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InstallationWorkOrderTests(ClusterFixture fixture)
{
    private async Task<Result<CaseSnapshot>> OpenAsync(string customerId, CaseType type, string? serial, InstallationWindow? window)
    {
        var number = await fixture.Grains.GetGrain<ICaseNumberGrain>(0).NextAsync();
        return await fixture.Grains.GetGrain<ICaseGrain>(number).OpenAsync(
            new OpenCaseRequest(customerId, type, CasePriority.Normal, CaseChannel.Phone, "Install", "Agreed.", serial, "agent-1") { InstallationWindow = window });
    }

    [Fact]
    public async Task AnInstallationWorkOrderNeedsItsDeviceAndThenAWindowThatEndsAfterItStarts()
    {
        var orders = new WorkOrders(fixture);
        var customer = await orders.Scenario.CustomerAsync();
        var serial = await orders.Scenario.DeviceAsync(customer.Id, await orders.ModelAsync());
        var start = fixture.Clock.GetUtcNow();

        WorkOrder.Refused(await OpenAsync(customer.Id, CaseType.Installation, null, new(start, start.AddHours(2))), ErrorKind.Validation, "deviceSerial");
        WorkOrder.Refused(await OpenAsync(customer.Id, CaseType.Installation, serial, null), ErrorKind.Validation, "installationWindow");
        WorkOrder.Refused(await OpenAsync(customer.Id, CaseType.Installation, serial, new(start, start.AddHours(-2))), ErrorKind.Validation, "installationWindow.end");
        WorkOrder.Refused(await OpenAsync(customer.Id, CaseType.Maintenance, serial, new(start, start.AddHours(2))), ErrorKind.Validation, "installationWindow");
        var opened = await OpenAsync(customer.Id, CaseType.Installation, serial, new(start, start.AddHours(2)));

        Assert.Equal((Department.Installation, new InstallationWindow(start, start.AddHours(2))), (opened.Value!.Department, opened.Value.InstallationWindow));
        Assert.Empty((await fixture.Grains.GetGrain<Customers.ICustomerGrain>(customer.Id).GetAsync())!.RecentCases.Where(c => c.Number != opened.Value.Number));
    }

    [Fact]
    public async Task RelatingCasesIsShownOnTheCaseAndRecordedOnce()
    {
        var scenario = new Scenario(fixture);
        var one = await scenario.OpenForNewCustomerAsync();
        var other = await scenario.OpenForNewCustomerAsync();
        var link = new RelatedCase(other.Number, CaseRelations.CommissioningFault);

        var first = await scenario.Case(one.Number).RelateAsync(new RelateCaseRequest(link, "system"));
        var again = await scenario.Case(one.Number).RelateAsync(new RelateCaseRequest(link, "system"));
        var self = await scenario.Case(one.Number).RelateAsync(new RelateCaseRequest(new RelatedCase(one.Number, "x"), "system"));

        Assert.Equal([link], first.Value!.RelatedCases.ToArray());
        Assert.Equal(first.Value.Version, again.Value!.Version);
        WorkOrder.Refused(self, ErrorKind.Validation, "related.number");
        Assert.Single(await scenario.HistoryAsync(one.Number), e => e.Action == CaseEventKinds.Related && e.Details == $"commissioningFault: {other.Number}");
    }
}
