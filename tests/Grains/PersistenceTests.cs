using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Customers;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>State survives deactivation: each test forces the activation out and reads it back from storage.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ACaseAndItsHistorySurviveDeactivation()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        var before = await scenario.Case(opened.Number).GetAsync();
        var history = (await scenario.Case(opened.Number).ReadAllAsync())!.Value;

        await fixture.Cluster.DeactivateAsync(scenario.Case(opened.Number));

        SameAs.Expected(before, await scenario.Case(opened.Number).GetAsync());
        Assert.Equal(history.ToArray(), (await scenario.Case(opened.Number).ReadAllAsync())!.Value.ToArray());
    }

    [Fact]
    public async Task ATechniciansAssignmentsAndACustomerSurviveDeactivation()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.Installation);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id, CaseType.Installation);
        var status = await scenario.Technician(technician).GetStatusAsync();
        var profile = await fixture.Grains.GetGrain<ICustomerGrain>(customer.Id).GetAsync();

        await fixture.Cluster.DeactivateAsync(scenario.Technician(technician));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<ICustomerGrain>(customer.Id));

        Assert.Equal(new[] { opened.Number }, await scenario.AssignedCasesAsync(technician));
        SameAs.Expected(status, await scenario.Technician(technician).GetStatusAsync());
        SameAs.Expected(profile, await fixture.Grains.GetGrain<ICustomerGrain>(customer.Id).GetAsync());
    }

    [Fact]
    public async Task AReactivatedDepartmentKeepsItsQueueAndRefreshesItsRoster()
    {
        var scenario = new Scenario(fixture);
        // One maintenance case (3 units) at a time.
        var technician = await scenario.TechnicianAsync(Department.Maintenance, capacity: 3);
        var customer = await scenario.CustomerAsync();
        var busy = await scenario.OpenCaseAsync(customer.Id, CaseType.Maintenance);
        var queued = await scenario.OpenCaseAsync(customer.Id, CaseType.Maintenance);
        Assert.Equal(CaseStatus.New, queued.Status);

        await fixture.Cluster.DeactivateAsync(scenario.Department(Department.Maintenance));
        var reactivated = await scenario.Department(Department.Maintenance).GetAsync();

        Assert.Equal(new[] { queued.Number }, reactivated.Queue.Select(q => q.CaseNumber));
        SameAs.Expected(await scenario.Technician(technician).GetStatusAsync(), Assert.Single(reactivated.Roster));

        await fixture.Cluster.DeactivateAsync(scenario.Department(Department.Maintenance));
        await scenario.ApplyAsync(busy.Number, CaseAction.Cancel);

        await scenario.WaitForStatusAsync(queued.Number, CaseStatus.Assigned);
        Assert.Equal(new[] { queued.Number }, await scenario.AssignedCasesAsync(technician));
    }
}
