using AfterSales.Cases;
using AfterSales.Common;
using AfterSales.Persistence;
using AfterSales.Tests.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task EventsWrittenBeforeTheEraseNoLongerHoldTheTextsOnAnyJournalRead()
    {
        var scenario = new Scenario(fixture);
        await scenario.TechnicianAsync(Department.TechnicalSupport);
        var customer = await scenario.CustomerAsync();
        var opened = await scenario.OpenCaseAsync(customer.Id);
        var grain = scenario.Case(opened.Number);
        await scenario.ApplyAsync(opened.Number, CaseAction.Start);
        Assert.Null((await grain.ChangePriorityAsync(
            new ChangePriorityRequest(CasePriority.High, "Mr Chen rang twice", "agent-1"))).Error);
        await scenario.ApplyAsync(opened.Number, CaseAction.Resolve, summary: "Told Mr Chen on +8613800138000 the seal is new.");
        var journal = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IEventLog>();
        var before = await journal.ReadStreamAsync("case", opened.Number, 0, 1000);
        Assert.Contains(before, e => e.Event.Data.Contains("Pump leaks", StringComparison.Ordinal));
        Assert.Contains(before, e => e.Event.Data.Contains("Mr Chen", StringComparison.Ordinal));

        Assert.True(await grain.ErasePersonalDataAsync(customer.Id));
        await fixture.Cluster.DeactivateAsync(grain);

        string[] personal = ["Pump leaks", "Water under the unit.", "Mr Chen", "+8613800138000"];
        var stream = await journal.ReadStreamAsync("case", opened.Number, 0, 1000);
        var global = (await journal.ReadAllAsync(0, int.MaxValue)).Where(e => e.StreamId == opened.Number).ToArray();
        Assert.Equal(before.Select(e => e.Event.EventId), stream.Take(before.Count).Select(e => e.Event.EventId));
        Assert.Equal(stream.Select(e => e.Event.Data), global.Select(e => e.Event.Data));
        Assert.DoesNotContain(stream, e => personal.Any(text => e.Event.Data.Contains(text, StringComparison.Ordinal)));
        var history = (await grain.GetHistoryAsync(0, 1000))!;
        Assert.DoesNotContain(history.Events, e => personal.Any(text => e.Details?.Contains(text, StringComparison.Ordinal) == true));
        // The platform's own lines keep their ids; the person's words are gone.
        Assert.Contains(history.Events, e => e.Action == CaseEventKinds.Assigned && e.Details != "[erased]");
        Assert.Equal("[erased]", Assert.Single(history.Events, e => e.Action == CaseEventKinds.PriorityChanged).Details);
    }
}
