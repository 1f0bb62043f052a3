using AfterSales.Complaints;
using AfterSales.Tests.Grains.Infrastructure;

namespace AfterSales.Tests.Grains;

/// <summary>The complaint lists of technicians, cases and customers, kept by the complaints: current after every change,
/// healed by the reminder after a failed notice, never set back by an old one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ComplaintListTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ATechniciansRecordCountsItsOpenAndAllComplaintsAndNamesTheLast()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var first = await s.FileAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await s.FileAsync(s.Request(ComplaintSeverity.High));

        var tally = await s.List(ComplaintSubject.Technician, s.TechnicianId).GetTallyAsync();
        Assert.Equal((2, 2, second.Id), (tally.Open, tally.Total, tally.Last!.Id));

        await s.ApplyAsync(first.Id, ComplaintAction.Acknowledge);
        await s.ApplyAsync(first.Id, ComplaintAction.Investigate);
        await s.ApplyAsync(first.Id, ComplaintAction.SubmitForReview);
        await s.ApplyAsync(first.Id, ComplaintAction.Approve, actor: "lead.wang");
        await s.ApplyAsync(first.Id, ComplaintAction.Confirm, actor: "customer");

        var list = await s.List(ComplaintSubject.Technician, s.TechnicianId).ListAsync(openOnly: false, 10);
        Assert.Equal((1, 2), (list.Tally.Open, list.Tally.Total));
        Assert.Equal([second.Id, first.Id], list.Items.Select(c => c.Id));
        Assert.Equal(ComplaintStatus.Closed, list.Items[1].Status);
        Assert.Equal([second.Id], (await s.List(ComplaintSubject.Technician, s.TechnicianId).ListAsync(openOnly: true, 10)).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task TheCaseAndTheCustomerListTheComplaintToo()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var filed = await s.FileAsync(s.Request(aboutTechnician: false));

        Assert.Equal([filed.Id], (await s.List(ComplaintSubject.Case, s.CaseNumber).ListAsync(false, 10)).Items.Select(c => c.Id));
        Assert.Equal([filed.Id], (await s.List(ComplaintSubject.Customer, s.CustomerId).ListAsync(true, 10)).Items.Select(c => c.Id));
        Assert.Equal(0, (await s.List(ComplaintSubject.Technician, s.TechnicianId).GetTallyAsync()).Total);
    }

    [Fact]
    public async Task ANoticeLostToAFailedWriteIsSentAgainByTheReminder()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var filed = await s.FileAsync();
        var technicianList = s.List(ComplaintSubject.Technician, s.TechnicianId);
        fixture.Faults.FailNextWrite(technicianList.GetGrainId());

        var acknowledged = await s.ApplyAsync(filed.Id, ComplaintAction.Acknowledge);

        Assert.Equal(ComplaintStatus.Received, (await technicianList.ListAsync(false, 10)).Items.Single().Status);
        Assert.NotNull(await s.ClockAsync(filed.Id));
        await s.TickAsync(filed.Id);
        var healed = (await technicianList.ListAsync(false, 10)).Items.Single();
        Assert.Equal((ComplaintStatus.Acknowledged, acknowledged.Version), (healed.Status, healed.Version));
        Assert.Null(await s.ClockAsync(filed.Id));
    }

    [Fact]
    public async Task AnOlderEntryNeverReplacesANewerOne()
    {
        var s = await ComplaintScenario.CreateAsync(fixture);
        var list = s.List(ComplaintSubject.Technician, s.TechnicianId);
        var at = fixture.Clock.GetUtcNow();
        await list.RecordAsync(new ComplaintEntry("CMP-2026-999999", ComplaintStatus.Investigating, ComplaintSeverity.High, ComplaintCategory.Other, at, at, 3));

        await list.RecordAsync(new ComplaintEntry("CMP-2026-999999", ComplaintStatus.Received, ComplaintSeverity.Low, ComplaintCategory.Other, at, at, 1));

        Assert.Equal(ComplaintStatus.Investigating, (await list.ListAsync(false, 10)).Items.Single().Status);
    }
}
