using AfterSales.Cases;
using AfterSales.Complaints;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>A customer's erase reaching a complaint: only that customer's, once; the description, notes, corrective
/// action and the earlier events' texts become "[erased]", in the state and in the journal, after deactivation too.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComplaintErasureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task OnlyTheCustomersComplaintLosesItsTextsOnceInTheStateAndTheJournal()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var resolved = await s.FileAsync();
        var grain = s.Complaint(resolved.Id);
        Assert.Null((await grain.AddNoteAsync(new AddNoteCommand("Mr Chen prefers mornings.", NoteVisibility.Customer, "agent.li"))).Error);
        Assert.Null((await grain.EscalateAsync(new EscalateComplaintRequest(ComplaintSeverity.Critical, "Mr Chen rang the CEO.", "lead.wang"))).Error);
        await s.ApplyAsync(resolved.Id, ComplaintAction.Acknowledge);
        await s.ApplyAsync(resolved.Id, ComplaintAction.Investigate);
        await s.ApplyAsync(resolved.Id, ComplaintAction.SubmitForReview);

        var other = await grain.ErasePersonalDataAsync("C-someone-else");
        var first = await grain.ErasePersonalDataAsync(s.CustomerId);
        var second = await grain.ErasePersonalDataAsync(s.CustomerId);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal((false, true, false), (other, first, second));
        var erased = (await grain.GetAsync())!;
        Assert.Equal(("[erased]", "[erased]", "[erased]"), (erased.Description, Assert.Single(erased.Notes).Text, erased.Findings!.CorrectiveAction));
        Assert.Equal((resolved.Id, s.CustomerId, ComplaintSeverity.Critical), (erased.Id, erased.CustomerId, erased.Severity));
        var history = await s.HistoryAsync(resolved.Id);
        Assert.Equal("[erased]", Assert.Single(history, e => e.Kind == ComplaintEventKinds.Escalated).Details);
        Assert.DoesNotContain(history, e => e.Details?.Contains("Chen", StringComparison.Ordinal) == true);
        Assert.Single(history, e => e.Kind == ComplaintEventKinds.PersonalDataErased);
        Assert.Contains(history, e => e.Kind == ComplaintEventKinds.Received && e.Details != "[erased]");
    }
}
