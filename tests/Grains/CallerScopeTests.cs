using System.Collections.Immutable;
using AfterSales.Access;
using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The case and customer grains check the caller's scope themselves on their caller-scoped reads: called with
/// another customer's scope (as a faulty endpoint would), they answer as if the case or customer did not exist.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CallerScopeTests(ClusterFixture fixture)
{
    private static CallerScope Customer(string id) => new(CallerKind.User, "u-" + id, CallerRole.Customer, id, null, [], [], []);

    private static CallerScope Technician(string id) => new(CallerKind.User, "u-" + id, CallerRole.Technician, null, id, [], [], []);

    private static CallerScope Agent(Department department, string region) =>
        new(CallerKind.User, "agent-1", CallerRole.Agent, null, null, [DepartmentNames.ToSlug(department)], [region], []);

    [Fact]
    public async Task TheCaseGrainRefusesAnotherCustomersScope()
    {
        var scenario = new Scenario(fixture);
        var owner = await scenario.CustomerAsync();
        var other = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(owner.Id, CaseType.Consultation);
        var grain = fixture.Grains.GetGrain<ICaseGrain>(opened.Number);

        Assert.Equal(opened.Number, (await grain.GetForAsync(Customer(owner.Id)))?.Number);
        Assert.Null(await grain.GetForAsync(Customer(other.Id)));
        Assert.Null(await grain.GetForAsync(new CallerScope(CallerKind.ApiKey, "intake-1", CallerRole.None, null, null, [], [], ["intake"])));
    }

    [Fact]
    public async Task TheCaseGrainLetsTheTechnicianHoldingItAndTheDepartmentsAgentsRead()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Fault);
        Assert.Equal(technician, opened.AssignedTechnicianId);
        var grain = fixture.Grains.GetGrain<ICaseGrain>(opened.Number);

        Assert.NotNull(await grain.GetForAsync(Technician(technician)));
        Assert.Null(await grain.GetForAsync(Technician(Scenario.NewId("T"))));
        Assert.NotNull(await grain.GetForAsync(Agent(Department.TechnicalSupport, scenario.Region)));
        Assert.Null(await grain.GetForAsync(Agent(Department.CustomerService, scenario.Region)));
        Assert.Null(await grain.GetForAsync(Agent(Department.TechnicalSupport, fixture.NewRegion())));
    }

    [Fact]
    public async Task TheCustomerGrainRefusesAnotherCustomersScope()
    {
        var scenario = new Scenario(fixture);
        var owner = await scenario.CustomerAsync();
        var other = await scenario.CustomerAsync();
        var grain = fixture.Grains.GetGrain<ICustomerGrain>(owner.Id);

        Assert.Equal(owner.Id, (await grain.GetForAsync(Customer(owner.Id)))?.Id);
        Assert.Null(await grain.GetForAsync(Customer(other.Id)));
        Assert.Null(await grain.GetRecentCasesForAsync(Customer(other.Id)));
        Assert.Equal(ImmutableArray<CaseSummary>.Empty, await grain.GetRecentCasesForAsync(Customer(owner.Id)));
    }
}
