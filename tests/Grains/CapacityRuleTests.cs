using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A technician's capacity counts units, yet one with nothing assigned takes one case of any weight, so a
/// capacity below a case type's weight never strands that case.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CapacityRuleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ATechnicianWithCapacityOneTakesOneFaultCaseThenTheNextWhenTheFirstIsResolved()
    {
        var scenario = new Scenario(fixture);
        var technician = await scenario.TechnicianAsync(Department.TechnicalSupport, capacity: 1);
        var customer = await scenario.CustomerAsync();

        var first = await scenario.OpenCaseAsync(customer.Id);
        var second = await scenario.OpenCaseAsync(customer.Id);

        Assert.Equal((CaseStatus.Assigned, technician), (first.Status, first.AssignedTechnicianId));
        Assert.Equal(CaseStatus.New, second.Status);
        await scenario.ApplyAsync(first.Number, CaseAction.Start);
        await scenario.ResolveAsync(first.Number);
        var pulled = await scenario.WaitForStatusAsync(second.Number, CaseStatus.Assigned);
        Assert.Equal(technician, pulled.AssignedTechnicianId);
    }
}
