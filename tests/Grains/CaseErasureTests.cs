using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A customer's erase reaching a case: only that customer's case changes, once, its texts replaced and the
/// change recorded; it holds after the grain is deactivated.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseErasureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task OnlyTheCustomersCaseIsErasedOnceAndStaysErasedAfterDeactivation()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        var grain = scenario.Case(opened.Number);
        Assert.Null((await grain.AddNoteAsync(new AddNoteCommand("Ring Mr Chen on his mobile.", NoteVisibility.Internal, "agent-1"))).Error);

        var otherCustomers = await grain.ErasePersonalDataAsync("C-someone-else");
        var first = await grain.ErasePersonalDataAsync(customer.Id);
        var second = await grain.ErasePersonalDataAsync(customer.Id);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal((false, true, false), (otherCustomers, first, second));
        var erased = (await grain.GetAsync())!;
        Assert.Equal(("[erased]", "[erased]", "[erased]"), (erased.Subject, erased.Description, Assert.Single(erased.Notes).Text));
        var history = (await grain.GetHistoryAsync(0, 100))!;
        Assert.Single(history.Events, e => e.Action == CaseEventKinds.PersonalDataErased);
    }
}
